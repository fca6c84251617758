import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../../../db/connection.js";
import { addUser } from "../../../domain/accounts/account.service.js";
import { ORG_UNIT_LIST, PERSON_LIST, USER_LIST } from "../../../domain/org/org.js";
import {
  createOrgUnit,
  deleteOrgUnit,
  getOrgUnit,
  listOrgUnits,
  updateOrgUnit,
} from "../../../domain/org/org-unit.service.js";
import {
  createPerson,
  deletePerson,
  getPerson,
  listPersons,
  updatePerson,
} from "../../../domain/org/person.service.js";
import { deleteUser, getUser, listUsers, updateUser } from "../../../domain/org/user.service.js";
import { orgUnitSchemas, personSchemas, userCreateBody, userSchemas } from "../../../shared/api/org.js";
import { crudRoutes } from "../crud-routes.js";

/** Org units, people and login accounts. */
export async function orgRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "org-units",
    label: "org unit",
    schemas: orgUnitSchemas,
    fields: ORG_UNIT_LIST,
    service: {
      list: listOrgUnits,
      get: getOrgUnit,
      create: (ctx, input) => createOrgUnit(ctx, input),
      update: updateOrgUnit,
      remove: deleteOrgUnit,
    },
  });
  crudRoutes(app, {
    database: opts.database,
    path: "persons",
    label: "person",
    schemas: personSchemas,
    fields: PERSON_LIST,
    service: {
      list: listPersons,
      get: getPerson,
      create: (ctx, input) => createPerson(ctx, input),
      update: updatePerson,
      remove: deletePerson,
    },
  });
  crudRoutes(app, {
    database: opts.database,
    path: "users",
    label: "user",
    // A new account may carry its first password (set in the same transaction).
    schemas: { ...userSchemas, create: userCreateBody },
    fields: USER_LIST,
    service: {
      list: listUsers,
      get: getUser,
      create: (ctx, input) => addUser(ctx, input),
      update: updateUser,
      remove: deleteUser,
    },
  });
}
