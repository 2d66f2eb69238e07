export type { CompileOptions, Target } from './context.ts';
export {
  FACTORY_MENTION,
  isServerModuleId,
  MIDDLEWARE_FACTORIES,
  mayNeedCompile,
  RUNTIME_MODULE,
  SCRIPT_ID,
  SERVER_FOLDER_PATH,
  SERVER_MODULE_ID,
  SERVER_SPECIFIER,
  stripQuery,
} from './detect.ts';
export { CompileError, type CompileErrorCode, type SourceLocation } from './errors.ts';
export { type CompileResult, compile } from './pipeline.ts';
export { serverFolderPath } from './refuse-server-folder.ts';
export type { ServerModuleManifest } from './describe-server-module.ts';
