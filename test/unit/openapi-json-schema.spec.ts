import { mergeSchemas, toOpenApiSchema } from '../../src/procedures/openapi-json-schema.js';

describe(toOpenApiSchema.name, () => {
  it('states `const` as a one-value enum and keeps one example', () => {
    const { schema } = toOpenApiSchema({
      type: 'object',
      properties: {
        documentChecked: { type: 'boolean', const: true },
        period: { type: 'string', examples: ['2026-11', '2026-Q4'] },
      },
    });
    expect(schema.properties).toEqual({
      documentChecked: { type: 'boolean', enum: [true] },
      period: { type: 'string', example: '2026-11' },
    });
  });

  it('leaves out conditions between inputs and says so', () => {
    const sut = toOpenApiSchema({
      type: 'object',
      properties: { decidingBody: { type: 'string', enum: ['representatives', 'villagers'] } },
      allOf: [
        {
          if: { required: ['matterClass'] },
          then: { properties: { decidingBody: { enum: ['villagers'] } } },
        },
      ],
    });
    expect(sut.droppedConditions).toBe(true);
    expect(sut.schema).not.toHaveProperty('allOf');
  });

  it('does not read a field named like a keyword as one', () => {
    const { schema } = toOpenApiSchema({ type: 'object', properties: { const: { type: 'string' } } });
    expect(schema.properties).toEqual({ const: { type: 'string' } });
  });
});

describe(mergeSchemas.name, () => {
  const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });

  it('accepts what either accepts: fields of both, required where both require them', () => {
    const sut = mergeSchemas(
      {
        type: 'object',
        properties: { opinion: text(2000) },
        required: ['opinion'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { opinion: text(2000), documentNo: text(100) },
        required: ['opinion', 'documentNo'],
        additionalProperties: false,
      },
    );
    expect(sut).toEqual({
      type: 'object',
      properties: { opinion: text(2000), documentNo: text(100) },
      required: ['opinion'],
      additionalProperties: false,
    });
  });

  it('joins enums and widens bounds', () => {
    expect(mergeSchemas({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['b', 'c'] })).toEqual({
      type: 'string',
      enum: ['a', 'b', 'c'],
    });
    expect(
      mergeSchemas({ type: 'array', minItems: 2, maxItems: 10 }, { type: 'array', minItems: 3 }),
    ).toEqual({
      type: 'array',
      minItems: 2,
    });
  });

  it('offers alternatives where one schema cannot say both', () => {
    expect(mergeSchemas({ type: 'string' }, { type: 'integer' })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'integer' }],
    });
  });
});
