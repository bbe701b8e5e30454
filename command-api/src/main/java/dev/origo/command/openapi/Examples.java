package dev.origo.command.openapi;

/** The reply examples of DESIGN §4 (plus {@code sequence}), shown in the generated description. */
public final class Examples {

    public static final String ASSET = """
            {"id":"3f0c6d52-8d1e-4c4b-9f7e-2a7d1c9e4b10","filename":"report.pdf","content_type":"application/pdf",\
            "size":104857,"etag":"\\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\\"",\
            "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","is_public":true,\
            "sequence":1,"created_at":"2026-01-10T10:00:00Z"}""";

    public static final String PUBLISHED = """
            {"version_id":"b5e1f0a2-3c4d-4e5f-8a9b-0c1d2e3f4a5b","version_number":2,\
            "etag":"\\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\\"",\
            "url":"http://127.0.0.1:8080/assets/public/b5e1f0a2-3c4d-4e5f-8a9b-0c1d2e3f4a5b","sequence":3}""";

    public static final String TOKEN = """
            {"token_id":"0e6f1c1a-7b2d-4c3e-9f4a-5b6c7d8e9f00","token":"q3Xb2m9Yw4Vt7Kp1Zr6Ns8Hd0Lf5Jc2Ga9Ue4Oi3Mx7E",\
            "asset_id":"3f0c6d52-8d1e-4c4b-9f7e-2a7d1c9e4b10","expires_at":"2026-01-10T11:00:00Z",\
            "url":"http://127.0.0.1:8080/assets/private/q3Xb2m9Yw4Vt7Kp1Zr6Ns8Hd0Lf5Jc2Ga9Ue4Oi3Mx7E","sequence":4}""";

    public static final String VISIBILITY = """
            {"is_public":false}""";

    public static final String EXPIRES_IN = """
            {"expires_in":3600}""";

    private Examples() {
    }
}
