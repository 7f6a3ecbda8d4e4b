/**
 * Offline review (DESIGN.md "Review: baselines, diff, report"), pure: the diff of two snapshots
 * (structural changes + the access diff from the rules engine), the access and layout tables of
 * the reports, and a review's decisions turned into a plan.
 */
export { diffSnapshots, diffStates, type SnapshotDiff } from './diff';
export { CHANGE_KINDS, structuralChanges, type Change, type ChangeKind, type Touched } from './changes';
export { accessDiff, type AccessDiff, type AccessEntry, type AccessChangedEntry } from './accessDiff';
export {
  ACCESS_COLUMNS, LAYOUT_COLUMNS, accessRows, accountAccessRows, sortedUsers, layoutRows, groupLayoutRows, accessCells, layoutCells, joinCell,
  sortedAccounts, sortedGroups, groupsThrough, type AccessRow, type LayoutRow,
} from './tables';
export { Decision, ReviewTarget, decisionsToPlan, targetKey } from './decisions';
export { ReviewRecord, ReviewLockedError, newReview, decide, decisionOf, signOff, recordPlan, planOutcome } from './record';
export { layoutReport, groupSection, accountSection, asOfText, countsText, viaText, type LayoutReport, type GroupSection, type AccountSection, type ReportOptions } from './report';
export { drawLayoutPdf, PDF_OPTIONS, type PdfDoc, type DrawProgress } from './pdf';
export { layoutHtml, REPORT_CSS } from './html';
export { describeTarget, removesLeft, targetHolds, targetOfChange } from './decisions';
export { csvText, csvChunks } from './csv';
export { DEFAULT_QUERY, buildMatrix, isMember, matrixAxes, roleIdsInGroup, userLabel, type Matrix, type MatrixAxes, type MatrixKind, type MatrixQuery } from './matrix';
export { sideBySide, sideTotals, type SideKind, type SideRow } from './sideBySide';
export { removalEffect, type RemovalEffect } from './removal';
export { stateAfter } from './stateAfter';
export {
  accessStateOf, lastChangeText, lastChanged, snapshotStateOf, subjectKey, subjectOfChange,
  type AppliedPlan, type ChangeSubject, type LastChange, type SnapshotRef, type TimedSnapshot,
} from './lastChanged';
