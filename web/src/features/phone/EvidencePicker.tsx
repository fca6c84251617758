import { CameraOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Upload, type UploadProps } from "antd";
import { useTranslation } from "react-i18next";
import type { AttachmentMeta } from "../../../../src/shared/api/attachments";
import { useIsPhone } from "../../hooks/use-is-phone";

/**
 * The evidence file picker: on a phone a 拍照 button (the camera, `capture`) above the file picker
 * (photos and documents); a `capture` input alone would allow nothing but the camera on Android.
 */
export function EvidencePicker({ upload }: { upload: UploadProps<AttachmentMeta | string> }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  return (
    <>
      {phone ? (
        <Upload
          {...upload}
          accept="image/*"
          capture="environment"
          multiple={false}
          showUploadList={false}
          data-testid="evidence-camera"
        >
          <Button icon={<CameraOutlined />} className="tap" style={{ marginBottom: 8 }}>
            {t("phone.camera")}
          </Button>
        </Upload>
      ) : null}
      <Upload {...upload} data-testid="evidence-upload">
        <Button icon={<UploadOutlined />} className={phone ? "tap" : undefined}>
          {phone ? t("phone.files") : t("attachment.choose")}
        </Button>
      </Upload>
    </>
  );
}
