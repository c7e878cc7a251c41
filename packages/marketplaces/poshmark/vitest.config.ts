import { defineProjectConfig } from '../../../vitest.shared';

export default defineProjectConfig();
