import { BUILTIN_PROCEDURES, type JsonSchema, type ProcedureDefinition } from '../../workflows/index.js';
import { isChinese, labelOf, optionLabelOf } from '../../src/common/field-words.js';
import { stepTitleOf } from '../../src/engine/state-path.js';
import { earlierStepsOf, fieldsOf, numberOf, payloadOf } from '../../src/web/form-fields.js';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';

interface Found {
  where: string;
  field: string;
  choices: string[];
}

/** Every field of a definition's start and step schemas, with its choices, nested lists included. */
function schemaFields(definition: ProcedureDefinition): Found[] {
  const found: Found[] = [];
  const walk = (schema: JsonSchema | undefined, where: string) => {
    for (const [field, property] of Object.entries(
      (schema?.properties ?? {}) as Record<string, JsonSchema>,
    )) {
      const items = property.items as JsonSchema | undefined;
      const choices = [property.enum, items?.enum].flatMap((values) => (Array.isArray(values) ? values : []));
      found.push({ where, field, choices: choices.map(String) });
      walk(items, `${where}.${field}[]`);
      walk(property, `${where}.${field}`);
    }
  };
  walk(definition.inputSchema, `${definition.id} 发起`);
  for (const [type, event] of Object.entries(definition.events))
    walk(event.payload, `${definition.id} ${type}`);
  return found;
}

const everyField = BUILTIN_PROCEDURES.flatMap(schemaFields);

describe('The words people read in forms, confirmations and the dossier', () => {
  it('has a Chinese label for every field of every built-in procedure', () => {
    const unlabelled = everyField.filter(({ field }) => !isChinese(labelOf(field)));
    expect(unlabelled.map(({ where, field }) => `${where}: ${field}`)).toEqual([]);
  });

  it('has Chinese words for every choice, and a titled step for every step an objection may go back to', () => {
    const unworded = everyField.flatMap(({ where, field, choices }) =>
      choices
        .filter((choice) => (field === 'backTo' ? false : !isChinese(optionLabelOf(choice))))
        .map((choice) => `${where}.${field}: ${choice}`),
    );
    expect(unworded).toEqual([]);
    const untitled = BUILTIN_PROCEDURES.flatMap((definition) =>
      schemaFields(definition)
        .filter(({ field }) => field === 'backTo')
        .flatMap(({ choices }) => choices)
        .filter((step) => !isChinese(stepTitleOf(definition.machine, step)))
        .map((step) => `${definition.id}: ${step}`),
    );
    expect(untitled).toEqual([]);
  });

  it('offers an objection only the steps before the current one, by their titles', () => {
    const atResolution = earlierStepsOf(majorMatterProcedure.machine, 'resolutionMeeting.inSession');
    expect(atResolution.map((step) => step.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/党员/), expect.stringMatching(/两委|商议/)]),
    );
    const keys = atResolution.map((step) => step.value);
    expect(keys).not.toContain('resolutionMeeting');
    expect(keys).not.toContain('resolutionDisclosure');
    expect(keys).not.toContain('implementation');
    expect(atResolution.every((step) => isChinese(step.label))).toBe(true);
    expect(earlierStepsOf(majorMatterProcedure.machine, 'topicIntake')).toEqual([]);
  });

  it('asks for a list of names one a line, and reads it back as a list', () => {
    const schema = {
      type: 'object',
      required: ['investigators'],
      properties: {
        investigators: { type: 'array', items: { type: 'string' }, minItems: 2 },
        channels: { type: 'array', items: { type: 'string', enum: ['board', 'wechat'] } },
      },
    } as unknown as JsonSchema;
    const fields = fieldsOf(schema, { people: [] });
    expect(fields.map((field) => [field.name, field.kind, field.label])).toEqual([
      ['investigators', 'lines', '调查人员（每行一人）'],
      ['channels', 'choices', '公开渠道'],
    ]);
    expect(fields[1].options.map((option) => option.label)).toEqual(['村务公开栏', '村微信群']);
    expect(payloadOf(fields, { investigators: '张三\r\n\r\n 李四 \n', channels: 'wechat' })).toEqual({
      investigators: ['张三', '李四'],
      channels: ['wechat'],
    });
    // From the confirmation page each name comes back as its own hidden input.
    expect(payloadOf(fields, { investigators: ['张三', '李四'] })).toEqual({
      investigators: ['张三', '李四'],
    });
  });
});

describe('numberOf', () => {
  it('reads an amount as people type it, with separators and full-width digits', () => {
    expect(['12,500.50', '12，500', '１２５００', '12 500', '0.5', '.5', '-3'].map(numberOf)).toEqual([
      12500.5, 12500, 12500, 12500, 0.5, 0.5, -3,
    ]);
  });

  it('keeps what is no number as typed, never NaN: the engine refuses it and the form shows it back', () => {
    expect(['1,00', '12元', '0x10', '1e3', 'Infinity', '1,2,3'].map(numberOf)).toEqual([
      '1,00',
      '12元',
      '0x10',
      '1e3',
      'Infinity',
      '1,2,3',
    ]);
  });
});
