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

/** Posts one operation (the text of a .graphql document) with typed variables; answers typed data. */
export async function execute<TData, TVariables>(
  endpoint: string,
  query: string,
  variables: TVariables,
  accessToken: string | null,
): Promise<TData> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  if (accessToken !== null) {
    headers['Authorization'] = `Bearer ${accessToken}`;
  }
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as ApiResponse<TData>;
  if (body.data === undefined || body.data === null) {
    throw new ApiFailure(body.errors ?? [], response.headers.get('X-Request-Id'));
  }
  return body.data;
}
