"""A small, valid PDF built byte by byte, so the PDF tests need no file on disk."""

from __future__ import annotations


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(
    pages: list[list[str]],
    title: str | None = None,
    date: str | None = None,
    producer: str | None = None,
) -> bytes:
    """One printed line per string, 14 points apart, in Helvetica; ``title``, ``date``
    (``YYYYMMDD``) and ``producer`` go in the document information dictionary. Characters
    outside Latin-1 print as "?"."""
    n = len(pages)
    page_ids = [4 + 2 * i for i in range(n)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % i for i in page_ids)
        + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        ops = ["BT /F1 11 Tf 72 720 Td 14 TL"]
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        stream = ("\n".join([*ops, "ET"])).encode("latin-1", "replace")  # ASCII is safe
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_ids[i] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info = []
    if title:
        info.append(f"/Title ({_escape(title)})")
    if date:
        info.append(f"/CreationDate (D:{date}120000Z)")
    if producer:
        info.append(f"/Producer ({_escape(producer)})")
    objects.append(("<< " + " ".join(info) + " >>").encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
