import { z } from 'zod';

/**
 * A PostgreSQL schema name the storage keeps its tables in: lower-case letters, digits and
 * underscores, at most 63 characters (PostgreSQL's identifier limit), so it never needs escaping
 * beyond double quotes and cannot collide with another identifier by case.
 */
export const SchemaNameSchema = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]{0,62}$/,
    'must be lower-case letters, digits or underscores, start with a letter or underscore, at most 63 characters',
  );

/** The default schema: the storage's tables never mix with a host's own. */
export const defaultSchemaName = 'deal_scout';

/** The double-quoted identifier of a validated schema name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Fully qualified, quoted names of the storage's tables in `schema`. */
export type TableNames = {
  readonly listings: string;
  readonly priceHistory: string;
  readonly rules: string;
  readonly preferences: string;
  readonly alertMatches: string;
  readonly outbox: string;
  readonly accounts: string;
  readonly priceAnalyses: string;
  readonly state: string;
  readonly migrations: string;
};

export function tableNamesOf(schema: string): TableNames {
  const q = (table: string) => `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  return {
    listings: q('listings'),
    priceHistory: q('listing_price_history'),
    rules: q('rules'),
    preferences: q('notification_preferences'),
    alertMatches: q('alert_matches'),
    outbox: q('outbox'),
    accounts: q('marketplace_accounts'),
    priceAnalyses: q('price_analyses'),
    state: q('state'),
    migrations: q('schema_migrations'),
  };
}
