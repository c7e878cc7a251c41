export {
  type HttpExchange,
  HttpExchangeSchema,
  type HttpFixture,
  HttpFixtureSchema,
  readHttpFixture,
  writeHttpFixture,
} from './http-fixture';
export { defaultRedactedHeaders, type HttpRecorder, type RecordHttpOptions, recordHttp } from './record-http';
export {
  createReplayHandlers,
  type HttpReplayState,
  type ReplayMatchOptions,
  setupHttpReplay,
} from './replay-http';
