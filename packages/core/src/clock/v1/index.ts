export type { ClockV1 } from './clock-v1';
