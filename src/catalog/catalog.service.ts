import { ReadSource } from '../database/read-source.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CATEGORY_RULES,
  CATEGORY_TITLES,
  POWER_CATEGORIES,
  ROLE_TITLES,
  type CategoryCode,
  type JsonObject,
  type MachineData,
  type ProcedureDefinition,
  type Role,
} from '../../workflows/index.js';
import { LocalTime } from '../common/local-time.js';
import { basisInForce } from '../procedures/law-in-force.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { resolveParameters } from '../procedures/parameters.js';
import { buildStateTree } from '../procedures/state-graph.js';
import { topLevelOrder } from '../procedures/step-order.js';
import { flowchartDot, type PathTaken } from './flowchart-dot.js';
import { statutoryClassesOf } from './statutory-class-view.js';
import { FlowchartCache, type RenderedChart } from './flowchart-cache.js';

const roleTitle = (role: string) => ({ role, title: ROLE_TITLES[role as Role] ?? role });

/** The catalog as villagers and staff read it: items by category, each with its procedure and flowchart. */
@Injectable()
export class CatalogService {
  private readonly plainCharts = new WeakMap<BuiltProcedure, Promise<RenderedChart>>();

  constructor(
    private readonly procedures: ProcedureCatalog,
    private readonly dataSource: DataSource,
    private readonly reads: ReadSource,
    private readonly time: LocalTime,
    private readonly charts: FlowchartCache,
  ) {}

  async categories() {
    const items = await this.latestItems();
    return (Object.keys(CATEGORY_TITLES) as CategoryCode[]).map((code) => ({
      code,
      title: CATEGORY_TITLES[code],
      kind: POWER_CATEGORIES.includes(code) ? 'power' : code === 'L' ? 'listAdjustment' : 'supervision',
      items: items
        .filter((item) => item.category === code)
        .map((item) => ({
          code: item.id,
          title: item.title,
          version: item.version,
          responsible: item.catalog?.responsible ?? null,
          statutoryClasses: statutoryClassesOf(item, this.time.today()).map((entry) => entry.title),
          flowchart: `/api/catalog/${item.id}/flowchart.svg`,
        })),
    }));
  }

  async item(code: string) {
    // The district's catalog, as public as the board: read where the public pages read.
    const { definition, config, parameters } = await this.reads.read((db) =>
      this.procedures.latestForPublicReading(db, code),
    );
    return {
      code: definition.id,
      version: definition.version,
      title: definition.title,
      category: { code: definition.category, title: CATEGORY_TITLES[definition.category] },
      description: definition.description ?? null,
      responsible: definition.catalog?.responsible ?? null,
      responsibleRole: definition.catalog ? roleTitle(definition.catalog.responsibleRole) : null,
      riskPoints: definition.catalog?.riskPoints ?? [],
      // The law as it reads today: the amended Organic Law's numbering from 2026-01-01.
      legalBasis: definition.legalBasis.map((basis) => basisInForce(basis, this.time.today())),
      statutoryClasses: statutoryClassesOf(definition, this.time.today()),
      startRoles: definition.startRoles.map(roleTitle),
      inputSchema: definition.inputSchema,
      parameters,
      steps: this.steps(definition, config),
      disclosures: this.disclosures(config),
      requirements: CATEGORY_RULES[definition.category].map((rule) => ({
        requirement: rule.requirement,
        title: rule.title,
        exemption:
          definition.exemptions?.find((exemption) => exemption.requirement === rule.requirement)?.reason ??
          null,
      })),
      outcomes: definition.outcomes,
      flowchart: `/api/catalog/${definition.id}/flowchart.svg`,
    };
  }

  /** A stored version of a procedure, built (cached by the procedure catalog). */
  procedureOf(code: string, version: number) {
    return this.procedures.get(this.dataSource.manager, code, version);
  }

  async flowchart(code: string, version?: number, path?: PathTaken): Promise<string> {
    return (await this.renderedFlowchart(code, version, path)).svg;
  }

  /** The chart with its ETag, laid out once per procedure version and matter path (`FlowchartCache`). */
  async renderedFlowchart(code: string, version?: number, path?: PathTaken): Promise<RenderedChart> {
    const db = this.dataSource.manager;
    const procedure = version
      ? await this.procedures.get(db, code, version)
      : await this.procedures.latestForPublicReading(db, code);
    if (path) return this.charts.render(flowchartDot(procedure.definition, procedure.config, path));
    // A procedure version's own chart: its DOT text is not even written again (the built procedure is
    // kept by the catalog, and the chart with it).
    let chart = this.plainCharts.get(procedure);
    if (!chart) {
      chart = this.charts.render(flowchartDot(procedure.definition, procedure.config));
      this.plainCharts.set(procedure, chart);
      chart.catch(() => this.plainCharts.delete(procedure));
    }
    return chart;
  }

  /** The chart of a definition not yet stored (the X-item editor's preview): drawn as it would run. */
  async draftFlowchart(definition: ProcedureDefinition): Promise<string> {
    const machine = resolveParameters(
      definition.machine as unknown as JsonObject,
      definition.parameters,
    ) as unknown as MachineData;
    return (await this.charts.render(flowchartDot(definition, machine))).svg;
  }

  private async latestItems(): Promise<ProcedureDefinition[]> {
    // A village's own procedures (X1-<village id>) belong to that village's list, not the district catalog.
    const rows = (await this.reads.read((db) => this.procedures.list(db))).filter(
      (row) => !row.procedureId.includes('-'),
    );
    const latest = new Map<string, number>();
    for (const row of rows)
      latest.set(row.procedureId, Math.max(latest.get(row.procedureId) ?? 0, row.version));
    const items = await Promise.all(
      [...latest].map(
        async ([id, version]) => (await this.procedures.get(this.dataSource.manager, id, version)).definition,
      ),
    );
    return items.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  /** The steps in order with who acts in each: the item's procedure in words. */
  private steps(definition: ProcedureDefinition, machine: MachineData) {
    const root = buildStateTree(machine).get('')!;
    const order = topLevelOrder(machine);
    return [...root.children]
      .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
      .filter((stage) => !stage.data.always && stage.data.type !== 'final')
      .map((stage) => {
        const events = new Set<string>();
        for (const node of [stage, ...stage.children])
          Object.keys(node.data.on ?? {}).forEach((event) => events.add(event));
        events.delete('OBJECT');
        const roles = new Set(
          [...events]
            .flatMap((event) => definition.events[event]?.roles ?? [])
            .filter((role) => role !== 'system'),
        );
        return {
          key: stage.key,
          title: stage.data.meta?.title ?? stage.key,
          description: stage.data.description ?? null,
          roles: [...roles].map(roleTitle),
          acts: [...events].map((event) => ({ event, title: definition.events[event]?.title ?? event })),
        };
      });
  }

  /** Every disclosure the procedure makes, with its public period, read from the machine itself. */
  private disclosures(machine: MachineData) {
    const found: { step: string; kind: string; period: unknown }[] = [];
    for (const node of buildStateTree(machine).values()) {
      for (const transition of Object.values(node.data.on ?? {}).flat()) {
        for (const action of transition.actions ?? []) {
          if (action.type !== 'publishDisclosure') continue;
          const stage = node.path.split('.')[0];
          found.push({
            step: machine.states?.[stage]?.meta?.title ?? stage,
            kind: action.params?.kind as string,
            period: action.params?.period,
          });
        }
      }
    }
    return found;
  }
}
