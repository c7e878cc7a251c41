import { runSearchIndexConformance } from '@deal-scout/testkit';
import { createMemorySearchIndex } from '../src';

runSearchIndexConformance({ name: 'memory', create: () => ({ subject: createMemorySearchIndex() }) });
