import type { CodegenConfig } from '@graphql-codegen/cli';

// GraphQL Code Generator for a Health&Med client (docs/clients.md#codegen). From the repository root:
//   graphql-codegen --config clients/codegen.ts
// A front-end project copies this file and points the paths at its own tree, or sets the variables:
// the SDL of this repository (or the URL of a local run with introspection on), its operations, and
// the folder the types go to. ClientCodegenTest runs it as it is, into target/ (never committed).
const schema = process.env.HEALTHMED_SCHEMA ?? 'schema/*.graphqls';
const documents = process.env.HEALTHMED_DOCUMENTS ?? 'clients/example/**/*.graphql';
const out = process.env.HEALTHMED_TYPES_DIR ?? 'target/clients/generated';

// Every custom scalar, typed as it travels in JSON. strictScalars makes codegen fail on a scalar
// missing here instead of typing it `any`.
const scalars = {
  // RFC 3339 text: keep it a string; parse it with its offset (Temporal, date-fns-tz, Luxon).
  DateTime: 'string', // 2026-11-29T17:30:00.000Z in answers; any offset in inputs
  Date: 'string', // 1990-05-17
  LocalTime: 'string', // 08:00:00, a wall-clock time in the doctor's time zone
  // Still declared (no field uses it since ids became global ids); strictScalars needs every declared scalar.
  UUID: 'string',
  Url: 'string',
  // JSON numbers. The API's Long values are byte counts, far below 2^53.
  Long: 'number',
  PositiveInt: 'number',
  NonNegativeInt: 'number',
  // An exact decimal as a JSON string ("350.00"), e.g. Money.amount: format it as text or compute
  // in integer cents or with a decimal library, never parseFloat. Send inputs as strings too.
  Decimal: 'string',
  // Opaque: take an id from an answer and send it back; never parse one or build one.
  ID: 'string',
};

const shared = {
  scalars,
  strictScalars: true,
  // Answers are data the cache owns: readonly, so a component cannot change them in place.
  immutableTypes: true,
  useTypeImports: true,
};

const config: CodegenConfig = {
  schema,
  documents,
  generates: {
    // The schema's types, enums and inputs, once for every operation file that imports them.
    [`${out}/schema.ts`]: {
      plugins: ['typescript'],
      config: {
        ...shared,
        // String unions, not TypeScript enums: nothing at run time, and a value a newer server adds
        // is still a string the app can show with a fallback.
        enumsAsTypes: true,
        // A field of an answer is always present (null when it has no value); inputs may leave
        // optional fields out.
        avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
      },
    },
    // One result and one variables type per operation and fragment of `documents`.
    [`${out}/operations.ts`]: {
      plugins: ['typescript-operations'],
      config: {
        ...shared,
        importSchemaTypesFrom: `${out}/schema.ts`,
      },
    },
  },
};

export default config;
