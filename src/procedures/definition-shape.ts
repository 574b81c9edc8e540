/** JSON Schema of a procedure definition's outer shape; the checker walks the machine itself. */
const shortText = { type: 'string', minLength: 1, maxLength: 200 };
const identifier = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' };
const eventName = '^[A-Z][A-Z0-9_]{0,63}$';

export const DEFINITION_SHAPE = {
  type: 'object',
  required: [
    'id',
    'version',
    'title',
    'category',
    'legalBasis',
    'startRoles',
    'inputSchema',
    'parameters',
    'outcomes',
    'events',
    'machine',
  ],
  additionalProperties: false,
  properties: {
    id: identifier,
    version: { type: 'integer', minimum: 1 },
    title: shortText,
    category: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'L', 'S'] },
    description: { type: 'string', maxLength: 2000 },
    legalBasis: {
      type: 'array',
      items: {
        type: 'object',
        required: ['law'],
        additionalProperties: false,
        properties: {
          law: shortText,
          version: shortText,
          article: shortText,
          localPractice: { type: 'boolean' },
          note: { type: 'string', maxLength: 500 },
        },
      },
    },
    startRoles: { type: 'array', minItems: 1, items: { type: 'string' } },
    inputSchema: { type: 'object' },
    parameters: { type: 'object' },
    catalog: {
      type: 'object',
      required: ['responsible', 'responsibleRole', 'riskPoints'],
      additionalProperties: false,
      properties: {
        responsible: shortText,
        responsibleRole: { type: 'string' },
        riskPoints: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 } },
      },
    },
    exemptions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['requirement', 'reason'],
        additionalProperties: false,
        properties: {
          requirement: {
            type: 'string',
            enum: ['vote', 'disclosure', 'supervisorSignOff', 'townshipApproval', 'tender'],
          },
          reason: { type: 'string', minLength: 4, maxLength: 500 },
        },
      },
    },
    statutoryClass: {
      oneOf: [
        identifier,
        {
          type: 'object',
          required: ['fromInput'],
          additionalProperties: false,
          properties: {
            fromInput: identifier,
            table: { type: 'object', additionalProperties: identifier },
          },
        },
      ],
    },
    basedOn: identifier,
    outcomes: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'string', enum: ['carriedOut', 'rejected', 'dropped'] },
    },
    events: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: eventName },
      additionalProperties: {
        type: 'object',
        required: ['title', 'roles', 'payload'],
        additionalProperties: false,
        properties: {
          title: shortText,
          roles: { type: 'array', items: { type: 'string' } },
          payload: { type: 'object' },
          facts: { type: 'array', items: { type: 'string' } },
          secretFields: { type: 'array', items: { type: 'string' } },
          marks: {
            type: 'array',
            items: {
              type: 'string',
              enum: [
                'approval',
                'supervisorSignOff',
                'townshipApproval',
                'tenderAward',
                'proposal',
                'sealUse',
              ],
            },
          },
          distinctFrom: { type: 'array', items: { type: 'string' } },
          actorFromInput: { type: 'string', minLength: 1 },
        },
      },
    },
    machine: {
      allOf: [
        { $ref: '#/$defs/stateNode' },
        {
          type: 'object',
          required: ['id', 'initial', 'states'],
          properties: { id: identifier, context: { type: 'object' }, states: { minProperties: 1 } },
        },
      ],
    },
  },
  $defs: {
    namedRef: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: { type: 'string', minLength: 1, maxLength: 64 }, params: { type: 'object' } },
    },
    transition: {
      type: 'object',
      properties: {
        target: { type: 'string', minLength: 1, maxLength: 300 },
        guard: { $ref: '#/$defs/namedRef' },
        actions: { type: 'array', items: { $ref: '#/$defs/namedRef' } },
        reenter: { type: 'boolean' },
        description: { type: 'string', maxLength: 500 },
      },
    },
    // Unknown keys are left to the checker, which names them with a reason (e.g. `after`).
    stateNode: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['atomic', 'compound', 'final'] },
        description: { type: 'string', maxLength: 2000 },
        meta: { type: 'object', properties: { title: shortText } },
        initial: { type: 'string' },
        states: { type: 'object', additionalProperties: { $ref: '#/$defs/stateNode' } },
        on: {
          type: 'object',
          propertyNames: { pattern: eventName },
          additionalProperties: { type: 'array', items: { $ref: '#/$defs/transition' } },
        },
        always: { type: 'array', items: { $ref: '#/$defs/transition' } },
        entry: { type: 'array', items: { $ref: '#/$defs/namedRef' } },
        exit: { type: 'array', items: { $ref: '#/$defs/namedRef' } },
      },
    },
  },
};
