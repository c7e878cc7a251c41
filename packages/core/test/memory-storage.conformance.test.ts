import { runStorageConformance } from '@deal-scout/testkit';
import { createMemoryStorage } from '../src';

runStorageConformance({ name: 'memory', create: () => ({ subject: createMemoryStorage() }) });
