/** One server-sent event, as the browser host writes them (`event: name` + `data: json`). */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Splits a growing text buffer into complete SSE blocks; returns the messages and the unfinished
 * tail. Comment lines (`: ping`) and blocks without data are skipped.
 */
export const parseSse = (buffer: string): { messages: SseMessage[]; rest: string } => {
  const normalised = buffer.replace(/\r\n/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const at = line.indexOf(':');
      const field = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) messages.push({ event, data: data.join('\n') });
  }
  return { messages, rest };
};
