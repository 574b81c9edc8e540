/** One problem found in a definition, naming the state, event or path at fault. */
export interface DefinitionIssue {
  code: string;
  message: string;
  state?: string;
  event?: string;
  path?: string;
}

export type Where = Pick<DefinitionIssue, 'state' | 'event' | 'path'>;
