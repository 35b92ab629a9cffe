"""The local reverse proxy in front of Rasa (one process or `RASA_REPLICAS`): HAProxy, configured here.

It is the one port open beyond loopback (`PUBLIC_HOST:RASA_PORT`) and passes on `/webhooks/` only:
the channels and the widget. Anything else (Rasa's HTTP API, its "Hello from Rasa" page) gets a
404 there; the API is on Rasa's own loopback port.

HAProxy (Debian's `haproxy`, which `make run` installs when it is missing) speaks HTTP/1.1
and WebSocket upgrades, checks each replica's health and retries a request whose connection was
refused on another replica. Its health checks are connection checks: Rasa opens its port only once
its model is loaded, and a replica busy with a queue of turns still accepts connections (an HTTP
check would time out and take a busy replica out of rotation, which the first load test showed:
503s for everyone); a dead one refuses them and is out at once. Three routes, one per kind of traffic:

- socket.io (the web widget): a socket's polling requests and its WebSocket upgrade must reach the
  replica that holds it. Each replica names the socket id in an `io` cookie on the handshake (see
  connectors/web/channel.py); HAProxy learns "sid -> replica" from that answer and routes by the
  `sid` in the URL, which works for widgets embedded on other sites too, where browsers drop cookies.
- SMS: hashed by the sender's number (`From` in the signed form body), so one person's texts go to
  one replica in order and a reply of "1" finds the numbered list that replica sent.
- everything else (REST, Teams): round robin; state lives in the shared stores.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ops.processes import Service
from core.sql import private_file

HAPROXY_NAMES = ("haproxy", "/usr/sbin/haproxy")
SOCKETIO_PATH = "/webhooks/web/socket.io/"
SMS_PATH = "/webhooks/sms/webhook"
# What the proxy passes on; everything else gets NOT_SERVED.
PUBLIC_PREFIX = "/webhooks/"
NOT_SERVED = '{"error": "Not found: only /webhooks/ is served here."}'
# The REST channel's health answer, through the proxy: where the launcher sees the proxy is up.
HEALTH_PATH = "/webhooks/rest/"


def haproxy_binary() -> str | None:
    for name in HAPROXY_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def replica_name(index: int) -> str:
    return f"rasa-{index}"


def config(bind_host: str, port: int, replica_ports: list[int]) -> str:
    """haproxy.cfg for `replica_ports` (127.0.0.1) behind `bind_host:port`."""

    def servers(first_backend: bool) -> list[str]:
        lines = []
        for index, replica_port in enumerate(replica_ports, start=1):
            name = replica_name(index)
            # One health check per replica, shared by the three backends; a refused connection on
            # real traffic also marks a replica down at once.
            check = "check observe layer4 error-limit 1 on-error mark-down" if first_backend else f"track rasa/{name}"
            lines.append(f"    server {name} 127.0.0.1:{replica_port} {check}")
        return lines

    return "\n".join([
        "global",
        "    maxconn 4096",
        "    log stdout format raw local0 notice",
        "",
        "defaults",
        "    mode http",
        "    log global",
        "    option httplog",
        "    option dontlognull",
        "    option forwardfor",
        # A request whose connection was refused (a replica just died) goes to another one.
        "    option redispatch",
        "    retries 2",
        "    timeout connect 2s",
        "    timeout client 120s",
        # A turn can take a while on a busy machine; Rasa's own limit is longer than this.
        "    timeout server 120s",
        # Open WebSockets stay up while the widget is open.
        "    timeout tunnel 1h",
        "    timeout check 5s",
        # A server that is down is checked every half second, so a restarted Rasa is back in
        # rotation as soon as it opens its port.
        "    default-server inter 2s downinter 500ms fall 2 rise 1",
        "",
        "frontend public",
        f"    bind {bind_host}:{port}",
        f"    acl channels path_beg {PUBLIC_PREFIX}",
        "    http-request return status 404 content-type application/json string "
        + json.dumps(NOT_SERVED) + " unless channels",
        f"    acl socketio path_beg {SOCKETIO_PATH}",
        f"    acl sms path {SMS_PATH}",
        "    use_backend socketio if socketio",
        "    use_backend sms if sms",
        "    default_backend rasa",
        # Which replica answered: for operators and for the tests that show the routing works.
        "    http-response set-header X-Replica %s",
        "",
        "backend rasa",
        "    balance roundrobin",
        *servers(first_backend=True),
        "",
        "backend socketio",
        "    balance roundrobin",
        "    stick-table type string len 64 size 200k expire 2h",
        "    stick on urlp(sid)",
        "    stick store-response res.cook(io)",
        *servers(first_backend=False),
        "",
        "backend sms",
        "    option http-buffer-request",
        "    balance url_param From check_post",
        "    hash-type consistent",
        *servers(first_backend=False),
        "",
    ])


def proxy_service(var_dir: Path, bind_host: str, port: int, replica_ports: list[int],
                  env: dict[str, str], log_path: Path) -> Service:
    """HAProxy in the foreground (-db) as one of the launcher's children."""
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError(
            "Rasa runs behind HAProxy (the only port open beyond loopback), which is not installed: "
            "run `make run` (it installs Debian's haproxy) or `apt-get install haproxy`."
        )
    path = var_dir / "haproxy.cfg"
    private_file(path)  # var/ is private to its owner
    path.write_text(config(bind_host, port, replica_ports))
    return Service(
        "proxy", [binary, "-db", "-f", str(path)], f"http://127.0.0.1:{port}{HEALTH_PATH}",
        env=env, log_path=log_path,
    )
