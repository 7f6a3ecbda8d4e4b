import { z } from 'zod';

/** Every operator of the vendor's QUERY grammar, plus STARTS_WITH which the vendor's docs list. */
export const QueryOperator = z.enum([
  'EQUALS',
  'LIKE',
  'NOT_EQUALS',
  'IS_NULL',
  'IS_NOT_NULL',
  'BETWEEN',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'CONTAINS',
  'NOT_CONTAINS',
  'STARTS_WITH',
]);
export type QueryOperator = z.infer<typeof QueryOperator>;

export interface SimpleExpression {
  '@type'?: string;
  operator: QueryOperator;
  property: string;
  argument?: string[];
}
export interface GroupingExpression {
  '@type'?: string;
  operator: 'and' | 'or';
  nestedExpression?: Expression[];
}
export type Expression = SimpleExpression | GroupingExpression;

export const SimpleExpression: z.ZodType<SimpleExpression> = z.object({
  '@type': z.string().optional(),
  operator: QueryOperator,
  property: z.string().min(1).max(255),
  argument: z.array(z.string().max(4096)).max(1000).optional(),
});

export const Expression: z.ZodType<Expression> = z.lazy(() =>
  z.union([
    SimpleExpression,
    z.object({
      '@type': z.string().optional(),
      operator: z.enum(['and', 'or']),
      nestedExpression: z.array(Expression).max(1000).optional(),
    }),
  ]),
);

export const QueryConfig = z.object({
  '@type': z.string().optional(),
  QueryFilter: z
    .object({ '@type': z.string().optional(), expression: Expression.optional() })
    .optional(),
});
export type QueryConfig = z.infer<typeof QueryConfig>;


/**
 * The property each type is listed by when every record is wanted. The vendor's QueryConfig
 * requires a QueryFilter with an expression (no filter is not a valid request), and its filter
 * grammar has no "true": IS_NOT_NULL on a property every record has (and the type's filter lists)
 * matches them all. Account's filter properties are upper case in the vendor's spec.
 */
const EVERY: Record<string, string> = {
  Account: 'ACCOUNTID', AccountGroup: 'id', AccountGroupAccount: 'accountGroupId', AccountGroupUserRole: 'accountGroupId',
  AccountUserRole: 'accountId', Role: 'name', AccountUserFederation: 'accountId', Cloud: 'id', IntegrationPack: 'id',
  AccountGroupIntegrationPack: 'accountGroupId', AccountSSOConfig: 'accountId', User: 'userId', Entity: 'id',
  PartnerService: 'id', PartnerAccountAccess: 'id', PublishedResource: 'id',
};

/** A filter that matches every record of a type, valid against the vendor's spec. */
export const matchAll = (type: string): QueryConfig => ({
  QueryFilter: { expression: { operator: 'IS_NOT_NULL', property: EVERY[type] ?? 'id' } },
});

/** The vendor pages QUERY results 100 at a time. */
export const PAGE_SIZE = 100;

export const QueryResponse = z.object({
  '@type': z.literal('QueryResult').optional(),
  numberOfResults: z.number().int(),
  queryToken: z.string().optional(),
  result: z.array(z.unknown()).optional(),
});
export type QueryResponse = z.infer<typeof QueryResponse>;

export const ApiError = z.object({ '@type': z.literal('Error').optional(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/** Shorthand for the filter most pulls and lookups need. */
export const equalsFilter = (property: string, value: string): QueryConfig => ({
  QueryFilter: { expression: { operator: 'EQUALS', property, argument: [value] } },
});
