import type { JsonObject, JsonValue, NamedRef, ParamRef } from '../types.js';

/** Builders for named guard and action references; a definition stays plain data. */

export const ref = (type: string, params?: JsonObject): NamedRef => (params ? { type, params } : { type });
export const param = (name: string): ParamRef => ({ $param: name });

export const payloadEquals = (field: string, value: JsonValue): NamedRef =>
  ref('payloadEquals', { field, value });
export const factEquals = (fact: string, value: JsonValue): NamedRef => ref('factEquals', { fact, value });
export const allOf = (...guards: NamedRef[]): NamedRef =>
  ref('allOf', { guards: guards as unknown as JsonValue });
export const anyOf = (...guards: NamedRef[]): NamedRef =>
  ref('anyOf', { guards: guards as unknown as JsonValue });
export const not = (guard: NamedRef): NamedRef => ref('not', { guard: guard as unknown as JsonValue });

/** Keeps the event's payload, actor and time in the matter's context under `key`. */
export const remember = (key: string): NamedRef => ref('remember', { key });

/** Absolute target of a top-level state of machine `machineId`. */
export const stateId = (machineId: string, stage: string): string => `#${machineId}.${stage}`;
