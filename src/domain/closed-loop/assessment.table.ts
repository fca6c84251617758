/** `assessments`: dated assessment snapshots (考核); `body` is JSON text of the scores. */
export interface AssessmentTable {
  id: string;
  takenAt: string;
  takenBy: string;
  statusDate: string;
  body: string;
}
