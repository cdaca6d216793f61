"""deploy/nginx.conf: what the reverse proxy must do that Streamlit cannot (RELIABILITY-2 L2,
L7, I3), checked in the file's structure, and by ``nginx -t`` where nginx is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
# The config without comments, and its server blocks.
CODE = re.sub(r"#[^\n]*", "", CONFIG)
SERVERS = re.split(r"\n(?=server \{)", CODE)[1:]
APP = next(block for block in SERVERS if "listen 443 ssl http2;" in block)


def test_other_host_names_get_no_answer() -> None:
    """DNS rebinding: a request for any Host but ours reaches the default server, which
    answers nothing, on both ports."""
    default = next(block for block in SERVERS if "default_server" in block)
    assert "listen 80 default_server;" in default and "listen 443 ssl default_server;" in default
    assert "server_name _;" in default and "return 444;" in default
    assert "ssl_reject_handshake on;" in default
    assert "proxy_pass" not in default
    names = {match for block in SERVERS for match in re.findall(r"server_name ([^;]+);", block)}
    assert names == {"_", "smmfit.example.org"}


def test_the_app_is_reached_over_tls_only() -> None:
    plain = next(block for block in SERVERS if "listen 80;" in block)
    assert "return 301 https://$host$request_uri;" in plain and "proxy_pass" not in plain
    assert "ssl_certificate " in APP and "ssl_protocols       TLSv1.2 TLSv1.3;" in APP


@pytest.mark.parametrize(
    "header",
    [
        'X-Frame-Options "DENY"',
        "frame-ancestors 'none'",
        "default-src 'self'",
        "connect-src 'self' wss://smmfit.example.org",
        'X-Content-Type-Options "nosniff"',
        "Strict-Transport-Security",
    ],
)
def test_headers_streamlit_does_not_send(header: str) -> None:
    added = re.findall(r"add_header ([^\n]+) always;", APP)
    assert any(header in line for line in added), added


def test_the_proxy_talks_to_the_loopback_app_with_websockets() -> None:
    streamlit = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    port = re.search(r"^port = (\d+)", streamlit, re.MULTILINE)
    assert port is not None
    targets = set(re.findall(r"proxy_pass ([^;]+);", APP))
    assert targets == {f"http://127.0.0.1:{port.group(1)}"}
    assert APP.count("proxy_set_header Upgrade $http_upgrade;") == len(
        re.findall("proxy_pass", APP)
    )


def test_two_segment_paths_get_a_404_not_a_blank_page() -> None:
    """Only Streamlit's own prefixes pass with more than one segment."""
    nested = re.search(r"location ~ \^/\[\^/\]\+/\[\^/\]\+ \{(.*?)\n    \}", APP, re.DOTALL)
    assert nested is not None
    assert "return 404;" in nested.group(1)
    allowed = re.search(r"location ~ \^/\(([^)]+)\)/", nested.group(1))
    assert allowed is not None
    assert set(allowed.group(1).split("|")) == {
        "_stcore",
        "static",
        "component",
        "media",
        "app/static",
    }


def test_the_body_limit_admits_the_largest_upload() -> None:
    from smmfit.data import MAX_UPLOAD_BYTES

    limit = re.search(r"client_max_body_size (\d+)m;", APP)
    assert limit is not None and int(limit.group(1)) * 2**20 > MAX_UPLOAD_BYTES


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_accepts_the_config(tmp_path: Path) -> None:
    """The config as nginx parses it, with a throwaway certificate and paths under tmp."""
    key, cert = tmp_path / "privkey.pem", tmp_path / "fullchain.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=smmfit.example.org", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    (tmp_path / "proxy_params").write_text("proxy_set_header Host $http_host;\n")
    site = (
        CONFIG.replace("/etc/ssl/smmfit/privkey.pem", str(key))
        .replace("/etc/ssl/smmfit/fullchain.pem", str(cert))
        .replace("/etc/nginx/proxy_params", str(tmp_path / "proxy_params"))
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\naccess_log off;\n{site}\n}}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
