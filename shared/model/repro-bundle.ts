import * as z from 'zod';
import { ErrorInfo } from './error-info';
import type { HarLog } from './har';
import { TraceEntry } from './trace';

/** The `kind` every repro bundle file names, and the newest format version this code reads and writes. */
export const BUNDLE_KIND = 'periscope-repro-bundle';
export const BUNDLE_VERSION = 1;

/** What replaces a secret value in a bundle's remote (a secret header's or stdio env variable's value). */
export const BUNDLE_SECRET_MARKER = '[secret removed]';

/** A part another feature fills in: opaque JSON kept as it is (its own code knows its shape). */
const OpaquePart = z.record(z.string(), z.unknown());

/**
 * The optional parts of a bundle, each an opaque JSON object made by its own feature. Adding a
 * part is one line here (its key, a title for the summary) plus handing the object to
 * createReproBundle's `parts`; readers that do not know a part keep showing the rest.
 */
export const BUNDLE_PARTS = {
  /** A connection doctor report (layer-by-layer checks). */
  doctor: { title: 'Connection doctor report' },
  /** A guided auth debugger run (its steps and what each found). */
  authDebug: { title: 'Auth debugger run' },
} as const satisfies Record<string, { title: string }>;
export type BundlePartName = keyof typeof BUNDLE_PARTS;

const partShapes = Object.fromEntries(Object.keys(BUNDLE_PARTS).map((name) => [name, OpaquePart.optional()])) as {
  [K in BundlePartName]: z.ZodOptional<typeof OpaquePart>;
};

/** The remote as the bundle keeps it: the remote configuration format, secret values replaced by BUNDLE_SECRET_MARKER. */
export const BundleRemote = z.object({
  name: z.string().max(1000),
  transport_type: z.string().max(100),
  url: z.string().max(100_000).optional(),
  headers: z.array(z.object({ name: z.string().max(1000), value: z.string().max(100_000), is_secret: z.boolean() })).max(1000),
  command: z.string().max(100_000).optional(),
  args: z.array(z.string().max(100_000)).max(10_000).optional(),
  env: z.record(z.string().max(1000), z.string().max(100_000)).optional(),
  protocol_era: z.string().max(100).optional(),
  protocol_version: z.string().max(100).optional(),
});
export type BundleRemote = z.infer<typeof BundleRemote>;

export const BundleVersions = z.object({
  periscope: z.string().max(100),
  /** The MCP SDK packages installed with Periscope, name → version. */
  sdk: z.record(z.string().max(200), z.string().max(100)),
  node: z.string().max(100),
  os: z.object({ platform: z.string().max(100), release: z.string().max(200), arch: z.string().max(100) }),
});
export type BundleVersions = z.infer<typeof BundleVersions>;

/** A HAR 1.2 archive, checked only for its frame here (the HAR JSON schema checks it in full in tests). */
export const BundleHar = z
  .looseObject({
    log: z.looseObject({ version: z.literal('1.2'), creator: z.looseObject({ name: z.string(), version: z.string() }), entries: z.array(z.looseObject({})) }),
  })
  .transform((har) => har as unknown as HarLog);

/**
 * One file a support engineer attaches to a ticket: what was connected to (secrets removed), what
 * happened (the session's trace and its HTTP exchanges as HAR 1.2), on which versions, and
 * optional parts from other features (BUNDLE_PARTS). Every value came from already-masked data.
 */
export const ReproBundle = z.object({
  kind: z.literal(BUNDLE_KIND),
  version: z.literal(BUNDLE_VERSION),
  /** ISO 8601, when the bundle was made. */
  createdAt: z.iso.datetime(),
  remote: BundleRemote,
  /** How the connection and the listings went: ok, or the first error. */
  outcome: z.object({ ok: z.boolean(), error: ErrorInfo.optional() }),
  versions: BundleVersions,
  /** The session file's content: its header line and every entry. */
  session: z.object({
    header: z.looseObject({ format: z.string(), version: z.number(), createdAt: z.number() }),
    entries: z.array(TraceEntry),
  }),
  har: BundleHar,
  ...partShapes,
});
export type ReproBundle = z.infer<typeof ReproBundle>;
