// Source kind → scraper module.
import type { SourceConfig, SourceKind } from '../src/source-registry.ts';
import { feedScraper } from './feed.ts';
import { govukScraper } from './govuk.ts';
import { guardianScraper } from './guardian.ts';
import { htmlListingScraper } from './html-listing.ts';
import type { Scraper } from './types.ts';
import { wordpressScraper } from './wordpress.ts';

const SCRAPERS: { [K in SourceKind]: Scraper<Extract<SourceConfig, { kind: K }>> } = {
  feed: feedScraper,
  govuk: govukScraper,
  wordpress: wordpressScraper,
  'html-listing': htmlListingScraper,
  guardian: guardianScraper,
};

export function scraperFor(source: SourceConfig): Scraper {
  return SCRAPERS[source.kind] as Scraper;
}
