import { PrinterOutlined } from "@ant-design/icons";
import { Button, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "./print-doc.css";

/**
 * A printable document: a toolbar (back, the document's own `actions`, print) on screen, then its
 * pages, each an A4 sheet.
 */
export function PrintDoc(props: {
  loading: boolean;
  back: string;
  children?: ReactNode;
  testId: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  if (props.loading)
    return (
      <div role="status" style={{ padding: 64, textAlign: "center" }}>
        <Spin />
      </div>
    );
  return (
    <div className="print-doc" data-testid={props.testId}>
      <div className="doc-toolbar">
        <Link to={props.back}>
          <Button>{t("print.back")}</Button>
        </Link>
        {props.actions}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("print.print")}
        </Button>
      </div>
      {props.children}
    </div>
  );
}

/** One section of a document, on its own A4 page. */
export function DocSection({ children, name }: { children: ReactNode; name: string }) {
  return (
    <section className="doc-page" data-section={name}>
      {children}
    </section>
  );
}

/** The red head (红头), the document number and the red rule of an official document. */
export function RedHead({ issuer, number, kind }: { issuer: string; number: string; kind: string }) {
  return (
    <>
      <p className="doc-red-head">
        {issuer}
        {kind}
      </p>
      <p className="doc-number doc-plain" data-testid="doc-number">
        {number}
      </p>
      <hr className="doc-rule" />
    </>
  );
}

/** Signature and seal boxes: who signs, and where the seal goes. */
export function Signatures({ boxes }: { boxes: { role: string; seal?: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <div className="doc-signatures" data-testid="doc-signatures">
      {boxes.map((b) => (
        <div key={b.role} className="doc-signature">
          <div>{b.role}</div>
          {b.seal ? <span className="doc-seal">{t("print.seal")}</span> : null}
          <div style={{ marginTop: b.seal ? 2 : 16 }}>{t("print.date")}</div>
        </div>
      ))}
    </div>
  );
}
