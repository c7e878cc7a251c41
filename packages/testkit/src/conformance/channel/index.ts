export {
  type ChannelConformanceOptions,
  type ChannelConformanceToggle,
  type InspectedDelivery,
  runChannelConformance,
} from './run-channel-conformance';
