export {
  createRecordingChannel,
  type RecordedSendV1,
  type RecordingChannel,
  type RecordingChannelSettings,
  type ScriptedFailure,
} from './create-recording-channel';
