/** Dialogkit's public API. */
export { build, checkAll, type BuildInput, type BuildResult, type TopicBuild } from './core/build.js';
export { parseTopic } from './core/parse-topic.js';
export { formatDiagnostic } from './core/diagnostics.js';
export type { Diagnostic, Topic, OutputFile, SourceFile } from './core/model.js';
export type { BuildOptions } from './core/options.js';
export { main } from './cli.js';
