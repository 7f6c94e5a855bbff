// robots.txt, fetched once per host and cached (RFC 9309: 4xx = no rules; 5xx = assume everything disallowed).
import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (module.exports = function); its typings describe an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;

export interface RobotsAnswer {
  allowed: boolean;
  /** Why a URL is refused, for the log and the crawl error. */
  reason?: string;
}

interface Entry {
  robot: Robot | null;
  /** Set when robots.txt could not be read: everything on the host is refused until it expires. */
  unavailable?: string;
  expires: number;
}

export type RobotsFetch = (robotsUrl: string) => Promise<{ status: number; text: string }>;

export class RobotsCache {
  private readonly entries = new Map<string, Promise<Entry>>();

  constructor(
    private readonly fetchRobots: RobotsFetch,
    /** The product token robots.txt groups are matched against, e.g. "stancewatch". */
    private readonly agent: string,
    private readonly ttlMs = 24 * 3600_000,
    private readonly errorTtlMs = 10 * 60_000,
  ) {}

  async check(url: string): Promise<RobotsAnswer> {
    const entry = await this.entryFor(new URL(url).origin);
    if (entry.unavailable) return { allowed: false, reason: entry.unavailable };
    if (!entry.robot || entry.robot.isAllowed(url, this.agent) !== false) return { allowed: true };
    return { allowed: false, reason: `disallowed by robots.txt (line ${entry.robot.getMatchingLineNumber(url, this.agent)})` };
  }

  /** Crawl-delay from robots.txt for this origin, in ms, once robots.txt has been read. */
  async crawlDelayMs(origin: string): Promise<number> {
    const entry = await this.entryFor(origin);
    const s = entry.robot?.getCrawlDelay(this.agent);
    return typeof s === 'number' && Number.isFinite(s) ? Math.min(s, 60) * 1000 : 0;
  }

  private entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached) return cached.then((e) => (e.expires > Date.now() ? e : this.load(origin)));
    return this.load(origin);
  }

  private load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const loading = this.fetchRobots(robotsUrl).then(({ status, text }): Entry => {
      if (status >= 200 && status < 300) return { robot: robotsParser(robotsUrl, text), expires: Date.now() + this.ttlMs };
      if (status >= 400 && status < 500) return { robot: null, expires: Date.now() + this.ttlMs };
      return { robot: null, unavailable: `robots.txt unavailable (HTTP ${status})`, expires: Date.now() + this.errorTtlMs };
    });
    this.entries.set(origin, loading);
    // A network failure is not cached: the next request tries again and reports its own error.
    loading.catch(() => this.entries.delete(origin));
    return loading;
  }
}
