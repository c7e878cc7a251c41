import { sharedDataAvailable } from '@deal-scout/testkit';
import { runQuickstart } from './quickstart';

if (!sharedDataAvailable()) {
  console.error(
    'The real listings in ../shared/data were not found; set DEAL_SCOUT_SHARED_DIR to the shared folder.',
  );
  process.exit(1);
}
await runQuickstart();
