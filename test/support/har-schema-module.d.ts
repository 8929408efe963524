/** The har-schema package ships JSON schemas without type declarations: one draft-06 schema per HAR object. */
declare module 'har-schema' {
  const schemas: Record<string, { $id: string }>;
  export default schemas;
}
