import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { type Auth, appFor, call, TINY_PNG as PNG, signIn } from "../../test/factories.js";
import { pruneAttachments } from "../domain/attachments/attachment.service.js";
import { serviceContext } from "../domain/context.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { ATTACHMENT_MAX_BYTES, attachmentRef } from "../shared/api/attachments.js";

describe.each(dialects)("evidence attachments on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const as: Record<string, { cookie: string; csrf: string }> = {};
  let mine: { id: string; taskForceId: string };
  let notMine: { id: string };
  let otherTaskForce: { id: string };

  const upload = (who: Auth, taskId: string, name: string, body: Buffer, type = "image/png") => {
    const headers: Record<string, string> = { "content-type": type };
    if (who && "cookie" in who) {
      headers.cookie = `guatu_session=${who.cookie}`;
      if (who.csrf) headers["x-csrf-token"] = who.csrf;
    }
    return app.inject({
      method: "POST",
      url: `/api/v1/attachments?taskId=${taskId}&name=${encodeURIComponent(name)}`,
      headers,
      payload: body,
    });
  };
  const download = (who: { cookie: string }, id: string, suffix = "") =>
    app.inject({
      method: "GET",
      url: `/api/v1/attachments/${id}${suffix}`,
      cookies: { guatu_session: who.cookie },
    });

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    for (const role of ["admin", "member", "viewer", "lead"])
      as[role] = await signIn(app, role, DEMO_PASSWORD);
    const me = (await call(app, "GET", "/api/v1/auth/me", undefined, as.member!)).body;
    const tasks = (await call(app, "GET", "/api/v1/tasks?taskForceId=tf-01&limit=1000", undefined, as.admin!))
      .body.items as { id: string; taskForceId: string; responsiblePersonId: string | null }[];
    mine = tasks.find((x) => x.responsiblePersonId === me.personId)!;
    notMine = tasks.find((x) => x.responsiblePersonId !== me.personId)!;
    otherTaskForce = (await call(app, "GET", "/api/v1/tasks?taskForceId=tf-02&limit=1", undefined, as.admin!))
      .body.items[0];
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("stores an owner's file and gives the same bytes back, as a sandboxed download", async () => {
    const res = await upload(as.member!, mine.id, "现场照片 0815.png", PNG);
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({
      taskForceId: mine.taskForceId,
      taskId: mine.id,
      fileName: "现场照片 0815.png",
      contentType: "image/png",
      size: PNG.length,
      sha256: createHash("sha256").update(PNG).digest("hex"),
      createdBy: "member",
    });
    // Anyone who reads the task force downloads it: here a viewer of tf-01.
    const got = await download(as.viewer!, meta.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(got.headers["content-disposition"]).toBe(
      `attachment; filename="???? 0815.png"; filename*=UTF-8''${encodeURIComponent("现场照片")}%200815.png`,
    );
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.headers["content-security-policy"]).toMatch(/^sandbox/);
    const described = await download(as.viewer!, meta.id, "/meta");
    expect(described.json()).toEqual(meta);
    const audit = await call(app, "GET", `/api/v1/audit-entries?entityId=${meta.id}`, undefined, as.admin!);
    expect(audit.body.items).toMatchObject([{ entity: "attachment", action: "create", actor: "member" }]);
    // A progress report references it in its evidence.
    const report = await call(
      app,
      "POST",
      "/api/v1/progress-reports",
      { taskId: mine.id, reportDate: "2022-08-15", percent: 50, evidence: [attachmentRef(meta)] },
      as.member!,
    );
    expect(report.status).toBe(201);
    expect(report.body.evidence).toEqual([`attachment:${meta.id}:现场照片 0815.png`]);
  });

  it("refuses a report whose evidence names a file of another task, or no file, and writes nothing", async () => {
    const other = (await upload(as.admin!, notMine.id, "别的任务.png", PNG)).json();
    const before = await snapshot(t.database);
    const report = (evidence: string[]) =>
      call(
        app,
        "POST",
        "/api/v1/progress-reports",
        { taskId: mine.id, reportDate: "2022-08-15", percent: 55, evidence },
        as.member!,
      );
    const foreign = await report(["现场照片见附件", attachmentRef(other)]);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toMatchObject({
      code: "BAD_EVIDENCE",
      details: [
        {
          path: "evidence.1",
          message: `attachment ${other.id} was uploaded for another task, not ${mine.id}`,
        },
      ],
    });
    const missing = await report(["attachment:no-such-file:x.png"]);
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([
      {
        path: "evidence.0",
        message: "no attachment no-such-file",
        key: "noAttachment",
        params: { id: "no-such-file" },
      },
    ]);
    expect(await snapshot(t.database)).toBe(before);
  });

  it("keeps a task with evidence files from being deleted, naming them", async () => {
    const task = await call(
      app,
      "POST",
      "/api/v1/tasks",
      { taskForceId: "tf-01", code: "01.9", title: "临时任务", duration: 3, deadline: "2022-10-31" },
      as.admin!,
    );
    expect(task.status).toBe(201);
    expect(
      (await upload(as.admin!, task.body.id, "证明.pdf", Buffer.from("%PDF-1.4\n"), "application/pdf"))
        .statusCode,
    ).toBe(201);
    const refused = await call(app, "DELETE", `/api/v1/tasks/${task.body.id}`, undefined, as.admin!);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "STILL_REFERENCED",
      details: [{ path: "attachments.taskId", message: "1 evidence file(s) refer to it by taskId" }],
    });
  });

  it("prunes old uploads that no report names, and keeps named and young ones", async () => {
    const named = (await upload(as.member!, mine.id, "保留.png", PNG)).json();
    const unnamed = (await upload(as.member!, mine.id, "未引用.png", PNG)).json();
    const report = await call(
      app,
      "POST",
      "/api/v1/progress-reports",
      { taskId: mine.id, reportDate: "2022-08-15", percent: 60, evidence: [attachmentRef(named)] },
      as.member!,
    );
    expect(report.status).toBe(201);
    const ctx = serviceContext(t.database, "test");
    // Nothing is older than a time before both uploads.
    expect(await pruneAttachments(ctx, "2000-01-01T00:00:00.000Z")).toEqual([]);
    const gone = await pruneAttachments(ctx, new Date(Date.now() + 60_000).toISOString());
    expect(gone.map((a) => a.id)).toContain(unnamed.id);
    expect(gone.map((a) => a.id)).not.toContain(named.id);
    expect((await download(as.member!, unnamed.id)).statusCode).toBe(404);
    expect((await download(as.member!, named.id)).rawPayload.equals(PNG)).toBe(true);
  });

  it("keeps a plain-text file's type and bytes", async () => {
    const body = Buffer.from("验收意见：合格\n", "utf8");
    const res = await upload(as.lead!, mine.id, "意见.txt", body, "text/plain; charset=utf-8");
    expect(res.statusCode).toBe(201);
    expect(res.json().contentType).toBe("text/plain");
    const got = await download(as.member!, res.json().id);
    expect(got.rawPayload.equals(body)).toBe(true);
  });

  it("refuses a large, unknown-type or empty file, or one for a task the caller does not report on, and writes nothing", async () => {
    const before = await snapshot(t.database);
    const big = await upload(as.member!, mine.id, "big.png", Buffer.alloc(ATTACHMENT_MAX_BYTES + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(big.json().error.message).toContain(String(ATTACHMENT_MAX_BYTES));
    const zip = await upload(as.member!, mine.id, "a.zip", PNG, "application/zip");
    expect(zip.statusCode).toBe(415);
    expect(zip.json().error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(zip.json().error.message).toContain("application/zip");
    expect((await upload(as.member!, mine.id, "a.html", PNG, "text/html")).statusCode).toBe(415);
    const json = await call(app, "POST", `/api/v1/attachments?taskId=${mine.id}&name=a.json`, {}, as.member!);
    expect(json.status).toBe(415);
    const empty = await upload(as.member!, mine.id, "empty.png", Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("empty");
    expect((await upload(as.member!, mine.id, "../x.png", PNG)).statusCode).toBe(400);
    // A right-to-left override would show "gnp.exe" as "exe.png"; "." and ".." name folders.
    for (const name of ["photo\u202Egnp.exe", "a\u2066b.png", "..", "."]) {
      const r = await upload(as.member!, mine.id, name, PNG);
      expect(r.statusCode, JSON.stringify(name)).toBe(400);
      expect(r.json().error.details[0]).toMatchObject({ key: "fileName" });
    }
    expect((await upload(as.member!, "zz-missing", "x.png", PNG)).statusCode).toBe(404);
    const foreign = await upload(as.member!, notMine.id, "x.png", PNG);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("FORBIDDEN");
    expect((await upload(as.viewer!, mine.id, "x.png", PNG)).statusCode).toBe(403);
    expect(await snapshot(t.database)).toBe(before);
  });

  it("decides a file's type by its bytes: an .exe named .pdf is refused, a picture named .pdf is a picture", async () => {
    const before = await snapshot(t.database);
    // The start of a Windows program (MZ header, PE offset, "This program cannot be run in DOS mode").
    const exe = Buffer.concat([
      Buffer.from("4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000", "hex"),
      Buffer.alloc(36),
      Buffer.from([0x80, 0, 0, 0]),
      Buffer.from(
        "0e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f742062652072756e20696e20444f53206d6f64652e",
        "hex",
      ),
      Buffer.alloc(64),
      Buffer.from("PE\0\0"),
      Buffer.alloc(64),
    ]);
    const renamed = await upload(as.member!, mine.id, "验收报告.pdf", exe, "application/pdf");
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(renamed.json().error.details).toEqual([
      expect.objectContaining({ path: "file", key: "contentNotEvidence", params: { ext: "exe" } }),
    ]);
    const binary = await upload(
      as.member!,
      mine.id,
      "说明.txt",
      Buffer.from([0, 1, 2, 3, 255, 254]),
      "text/plain",
    );
    expect(binary.statusCode).toBe(415);
    expect(binary.json().error.details[0]).toMatchObject({ path: "file", key: "contentUnknown" });
    expect(await snapshot(t.database)).toBe(before);
    const picture = await upload(as.member!, mine.id, "照片.pdf", PNG, "application/pdf");
    expect(picture.statusCode).toBe(201);
    expect(picture.json().contentType).toBe("image/png");
  });

  it("answers 404 to a reader of another task force, as for an unknown id", async () => {
    const res = await upload(
      as.admin!,
      otherTaskForce.id,
      "会议纪要.pdf",
      Buffer.from("%PDF-1.4\n"),
      "application/pdf",
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await download(as.admin!, id)).statusCode).toBe(200);
    for (const suffix of ["", "/meta"]) {
      const hidden = await download(as.viewer!, id, suffix);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.message).toBe(`no attachment ${id}`);
      expect((await download(as.viewer!, "zz-missing", suffix)).statusCode).toBe(404);
    }
  });
});
