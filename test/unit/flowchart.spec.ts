import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_PROCEDURES } from '../../workflows/index.js';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';
import { flowchartDot } from '../../src/catalog/flowchart-dot.js';
import { renderSvg } from '../../src/catalog/graphviz.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import { buildStateTree } from '../../src/procedures/state-graph.js';

/** The README shows these charts; the test keeps them the charts the engine's definitions produce. */
const GOLDEN = join(import.meta.dirname, '../golden/flowcharts');
const GOLDEN_ITEMS = ['A1', 'B1'];

describe(flowchartDot.name, () => {
  it.each(BUILTIN_PROCEDURES.map((definition) => [definition.id, definition] as const))(
    'draws %s with every step a matter can rest in, in Chinese',
    async (_id, definition) => {
      const { config } = buildProcedure(definition);
      const svg = await renderSvg(flowchartDot(definition, config));
      expect(svg).toContain(definition.title);
      for (const node of buildStateTree(config).values()) {
        const title = node.data.meta?.title;
        if (!title || node.children.length > 0) continue;
        const shown =
          title.includes('：') && node.parent?.path ? title.slice(title.indexOf('：') + 1) : title;
        expect({
          state: node.path,
          shown:
            svg.includes(shown.replaceAll('“', '&#8220;').replaceAll('”', '&#8221;')) || svg.includes(shown),
        }).toEqual({
          state: node.path,
          shown: true,
        });
      }
    },
  );

  it('highlights a matter’s current step and the moves it made', () => {
    const { config } = buildProcedure(majorMatterProcedure);
    const dot = flowchartDot(majorMatterProcedure, config, {
      current: 'branchProposal.convening',
      visited: new Set(['topicIntake', 'branchProposal.convening']),
      moves: new Set(['topicIntake→branchProposal.convening']),
    });
    expect(dot).toContain(
      '"branchProposal.convening" [label="召集\\n（村党组织书记、村委会主任）", fillcolor="#ffd27f"]',
    );
    expect(dot).toMatch(/"topicIntake" -> "branchProposal.convening" \[label="提出方案", color="#1f5fbf"/);
  });

  it.each(GOLDEN_ITEMS)(
    'keeps the README’s chart of %s current (UPDATE_GOLDEN=1 rewrites it)',
    async (id) => {
      const definition = BUILTIN_PROCEDURES.find((candidate) => candidate.id === id)!;
      const svg = await renderSvg(flowchartDot(definition, buildProcedure(definition).config));
      const file = join(GOLDEN, `${id}.svg`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, svg);
      }
      expect(svg).toBe(readFileSync(file, 'utf8'));
    },
  );
});
