/** The stored records an import is planned over, as plain data (fields as in the API's entities). */
/** A record's id. */
export type Id = string;
export interface Versioned {
  readonly id: Id;
  readonly version: number;
}
export interface ExistingRecords {
  readonly units: readonly (Versioned & {
    code: string;
    name: string;
    kind: string;
    parentId: Id | null;
    sort: number;
  })[];
  readonly persons: readonly (Versioned & {
    name: string;
    orgUnitId: Id | null;
    post: string | null;
    phone: string | null;
    email: string | null;
  })[];
  readonly taskForces: readonly (Versioned & {
    code: string;
    name: string;
    leadLeaderId: Id | null;
    leadUnitId: Id | null;
    coUnitIds: readonly Id[];
    startDate: string | null;
    deadline: string | null;
    status: string;
    objective: string | null;
    scope: string | null;
    measures: string | null;
    guarantees: string | null;
  })[];
  readonly members: readonly (Versioned & {
    taskForceId: Id;
    personId: Id;
    post: string;
    role: string;
    duties: string | null;
  })[];
  readonly tasks: readonly (Versioned & {
    taskForceId: Id;
    parentId: Id | null;
    code: string;
    title: string;
    responsibleUnitId: Id | null;
    responsiblePersonId: Id | null;
    responsiblePost: string | null;
    duration: number | null;
    deadline: string | null;
    weight: number;
    acceptance: string | null;
    /** The indicators the task advances. */
    indicatorIds: readonly Id[];
  })[];
  readonly dependencies: readonly (Versioned & {
    predecessorId: Id;
    successorId: Id;
    type: string;
    lag: number;
  })[];
  readonly indicators: readonly (Versioned & {
    taskForceId: Id;
    taskId: Id | null;
    code: string;
    name: string;
    unit: string;
    kind: string;
    direction: string;
    year: number;
    baseline: number | null;
    target: number;
    monthlyPlan: Readonly<Record<string, number>> | null;
    ownerPersonId: Id | null;
    note: string | null;
    /** 层层衔接: the indicator this one is a share of, its unit or street, its weight. */
    parentId: Id | null;
    orgUnitId: Id | null;
    weight: number | null;
  })[];
  /** District-level indicators (of no task force, not in the ledger's rows): what a share may name as parent. */
  readonly districtIndicators: readonly { readonly id: Id; readonly code: string }[];
  readonly readings: readonly (Versioned & {
    indicatorId: Id;
    period: string;
    actual: number;
    note: string | null;
  })[];
  readonly supervision: readonly (Versioned & {
    code: string;
    taskForceId: Id;
    taskId: Id | null;
    raisedOn: string;
    issue: string;
    requiredAction: string;
    responsiblePersonId: Id | null;
    responsibleUnitId: Id | null;
    dueDate: string;
  })[];
}
