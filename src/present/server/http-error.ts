/**
 * An error the API answers with a JSON body `{ error, parameter }`. `parameter` names the offending query
 * parameter (or path segment) when there is one, else null.
 */
export class ApiError extends Error {
  readonly status: 400 | 403 | 404 | 405 | 411 | 413 | 414 | 415 | 421 | 500 | 503;
  readonly parameter: string | null;
  constructor(status: ApiError['status'], message: string, parameter: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.parameter = parameter;
  }
}

export function badParam(parameter: string, problem: string): ApiError {
  return new ApiError(400, `invalid query parameter "${parameter}": ${problem}`, parameter);
}

export interface ApiErrorBody {
  error: string;
  parameter: string | null;
}
