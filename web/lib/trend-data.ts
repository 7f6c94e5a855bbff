// The web's one door to stance trends (the query itself lives in src/db/trends.ts).
import type { DB } from '../../src/db/connection.ts';
import type { TrendRow } from '../views/stance-chart.tsx';

export interface TrendQuery {
  personId?: number;
  organisationId?: number;
  from?: string;
  to?: string;
  period?: 'month' | 'quarter' | 'year';
}

export function loadTrends(_db: DB, _q: TrendQuery): TrendRow[] {
  return [];
}
