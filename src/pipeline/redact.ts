// API keys travel in query strings (the Guardian's api-key); they must never reach logs, errors or the cache table.
const SECRET_PARAM = /^(api[-_]?key|key|token|access[-_]?token)$/i;

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    let changed = false;
    for (const name of [...u.searchParams.keys()]) {
      if (SECRET_PARAM.test(name)) {
        u.searchParams.set(name, 'REDACTED');
        changed = true;
      }
    }
    return changed ? u.href : url;
  } catch {
    return url;
  }
}

export function redactText(text: string): string {
  return text.replace(/([?&](?:api[-_]?key|key|token|access[-_]?token)=)[^&\s"']+/gi, '$1REDACTED');
}
