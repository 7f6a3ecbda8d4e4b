import type { FetchLike, RequestInitLike } from '../../../shared/api';

export interface Call {
  url: string;
  init: RequestInitLike;
}

/** A fake platform answering QUERY/queryMore from a list of records, `pageSize` a page. */
export const pagingFetch = (records: unknown[], pageSize = 100): { fetch: FetchLike; calls: Call[] } => {
  const calls: Call[] = [];
  const page = (offset: number) => {
    const result = records.slice(offset, offset + pageSize);
    const next = offset + pageSize < records.length ? `tok-${offset + pageSize}` : undefined;
    return JSON.stringify({ '@type': 'QueryResult', numberOfResults: records.length, result, ...(next ? { queryToken: next } : {}) });
  };
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    if (url.endsWith('/query')) return { status: 200, text: async () => page(0) };
    if (url.endsWith('/queryMore')) return { status: 200, text: async () => page(Number(String(init.body).slice(4))) };
    return { status: 404, text: async () => '{"@type":"Error","message":"no such path"}' };
  };
  return { fetch, calls };
};

export const reply =
  (status: number, body: string): FetchLike =>
  async () => ({ status, text: async () => body });

export const group = (i: number) => ({ '@type': 'AccountGroup', id: `g${i}`, accountId: 'primary-1', name: `Group ${i}` });
