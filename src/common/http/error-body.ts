/** The one error shape every endpoint answers with. */
export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}
