import { defineProjectConfig } from '../../vitest.shared';

export default defineProjectConfig({ testTimeout: 60_000, hookTimeout: 180_000 });
