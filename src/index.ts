/** Dialogkit's public API. */
export { build, checkAll, type BuildInput, type BuildResult, type TopicBuild } from './core/build/build.js';
export { parseTopic } from './core/parse/parse-topic.js';
export { formatDiagnostic } from './core/messages/index.js';
export type { Diagnostic, Topic, OutputFile, SourceFile } from './core/model.js';
export type { BuildOptions } from './core/settings/options.js';
export { main } from './node/cli.js';
