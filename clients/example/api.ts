// The smallest typed GraphQL call: what Apollo Client or urql do for the app, written out so the
// example needs nothing but the generated types. Errors keep their extensions.code (docs/api.md).

/** One entry of a GraphQL response's `errors`. */
export interface ApiError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: {
    readonly code?: string;
    /** SERVICE_BUSY, STORAGE_UNAVAILABLE, TOO_MANY_ATTEMPTS: wait this long before trying again. */
    readonly retryAfterSeconds?: number;
  };
}

/** What every answer is: data, errors, or both (a partial result). */
export interface ApiResponse<TData> {
  readonly data?: TData | null;
  readonly errors?: ReadonlyArray<ApiError>;
}

/** Thrown when an answer has no data; carries the request id users quote to support. */
export class ApiFailure extends Error {
  constructor(readonly errors: ReadonlyArray<ApiError>, readonly requestId: string | null) {
    super(errors.map((error) => error.extensions?.code ?? error.message).join(', '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** An answer that has data: possibly partial, with the errors of the fields that are null. */
export interface Answer<TData> {
  readonly data: TData;
  readonly errors: ReadonlyArray<ApiError>;
  readonly requestId: string | null;
}

/**
 * Posts one operation (the text of a .graphql document) with typed variables. Throws when the answer
 * has no data (the request was refused as a whole); otherwise a field that is null beside an error
 * (a refused list, a refused mutation) is the caller's to read with the errors.
 */
export async function execute<TData, TVariables>(
  endpoint: string,
  query: string,
  variables: TVariables,
  accessToken: string | null,
): Promise<Answer<TData>> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  if (accessToken !== null) {
    headers['Authorization'] = `Bearer ${accessToken}`;
  }
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  // Under application/graphql-response+json every status (400, 401, ...) carries a GraphQL response.
  const body = (await response.json()) as ApiResponse<TData>;
  const requestId = response.headers.get('X-Request-Id');
  if (body.data === undefined || body.data === null) {
    throw new ApiFailure(body.errors ?? [], requestId);
  }
  return { data: body.data, errors: body.errors ?? [], requestId };
}
