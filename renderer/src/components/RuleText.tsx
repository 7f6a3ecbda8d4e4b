import type { ReactNode } from 'react';
import Tooltip from '@mui/material/Tooltip';
import { ruleTip, splitRuleCodes } from '../domain/ruleCodes';

/**
 * A sentence as the admin reads it, without rule codes; the codes it cited are in its tooltip
 * (and its description). `rules` adds codes to a sentence written without them.
 */
export const RuleText = ({ text, rules = [], children }: { text?: string; rules?: string[]; children?: (plain: string) => ReactNode }) => {
  const { plain, codes } = splitRuleCodes(text ?? '');
  const tip = ruleTip([...new Set([...rules, ...codes])]);
  const body = <span>{children ? children(plain) : plain}</span>;
  return tip ? (
    <Tooltip title={tip} describeChild>
      {body}
    </Tooltip>
  ) : (
    body
  );
};
