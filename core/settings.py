"""Every setting of every process, read from environment variables, with its default.

This module is the one place defaults live. It has no third-party imports so that both Python
environments (the catalog's and Rasa's) can use it: the catalog service, the launcher, the action
server and the channel connectors all read their configuration from here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str = "") -> str:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def _int(name: str, default: int) -> int:
    raw = _env(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from exc


def _positive_int(name: str, default: int) -> int:
    value = _int(name, default)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


def _float(name: str, default: float) -> float:
    raw = _env(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number, got {raw!r}") from exc


def _list(name: str, default: str) -> tuple[str, ...]:
    """Items separated by commas, spaces or line breaks."""
    return tuple(part for part in _env(name, default).replace(",", " ").split() if part)


TEAMS_SERVICE_HOSTS = (
    "smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us",
)

# A variable is secret when its value must never be printed (``python -m ops check``).
SECRET = {"secret": True}


@dataclass(frozen=True)
class Settings:
    # Where runtime files (SQLite databases, logs) go.
    var_dir: Path = field(default_factory=lambda: Path(_env("VAR_DIR", str(ROOT / "var"))))

    # Catalog service.
    catalog_host: str = field(default_factory=lambda: _env("CATALOG_HOST", "127.0.0.1"))
    catalog_port: int = field(default_factory=lambda: _int("CATALOG_PORT", 8000))
    catalog_database_url: str = field(
        default_factory=lambda: _env(
            "CATALOG_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'catalog.db'}"
        )
    )
    # Write endpoints (imports, referrals) need this key in the X-API-Key header. The launcher
    # makes a random one for the session when it is unset and hands it to the action server.
    catalog_api_key: str = field(
        default_factory=lambda: _env("CATALOG_API_KEY"), metadata=SECRET
    )
    # Narrower keys (catalog/api/deps.py): the assistant's creates referrals and deletes a
    # conversation's; the advisors' lists, reads and updates them. CATALOG_API_KEY (the operator's)
    # may do both and is the one for imports (JobPosting feeds) and the retention purge.
    catalog_bot_key: str = field(default_factory=lambda: _env("CATALOG_BOT_KEY"), metadata=SECRET)
    catalog_advisor_key: str = field(
        default_factory=lambda: _env("CATALOG_ADVISOR_KEY"), metadata=SECRET
    )
    catalog_data_dir: Path = field(
        default_factory=lambda: Path(_env("CATALOG_DATA_DIR", str(ROOT / "data" / "catalog")))
    )
    # BLS OEWS wages and the ZIP-to-metro-area crosswalk (`make wage-data` puts them here); the
    # catalog imports them at start when its wage table is empty.
    wage_data_dir: Path = field(
        default_factory=lambda: Path(_env("WAGE_DATA_DIR", str(ROOT / "data" / "wages")))
    )

    # Open roles: schema.org JobPosting feed URLs the catalog polls while it runs (and
    # `python -m ops poll-feeds` polls once). With none, `make run` shows the demo roles.
    role_feeds: tuple[str, ...] = field(default_factory=lambda: _list("ROLE_FEEDS", ""))
    # Seconds between polls: job boards refresh a few times a day; conditional requests make an
    # unchanged feed cheap.
    role_feeds_interval: float = field(default_factory=lambda: _float("ROLE_FEEDS_INTERVAL", 3600.0))
    # The most one feed may take to download in all, and its largest accepted body.
    role_feeds_timeout_seconds: float = field(
        default_factory=lambda: _float("ROLE_FEEDS_TIMEOUT_SECONDS", 30.0)
    )
    role_feeds_max_bytes: int = field(
        default_factory=lambda: _positive_int("ROLE_FEEDS_MAX_BYTES", 20 * 1024 * 1024)
    )

    # How the action server reaches the catalog.
    catalog_url: str = field(default_factory=lambda: _env("CATALOG_URL", ""))
    # The most one catalog call may take in all (connecting, waiting, one retry), so that a
    # turn is answered within 3 s even when the catalog hangs.
    catalog_timeout_seconds: float = field(
        default_factory=lambda: _float("CATALOG_TIMEOUT_SECONDS", 2.0)
    )
    # Connecting is quick when the catalog is alive (it is on the same machine or network).
    catalog_connect_timeout_seconds: float = field(
        default_factory=lambda: _float("CATALOG_CONNECT_TIMEOUT_SECONDS", 0.5)
    )
    # After a call timed out, the next call first probes the catalog's health URL with this
    # timeout; when the probe fails too, calls fail at once for CATALOG_BREAKER_SECONDS.
    catalog_probe_seconds: float = field(
        default_factory=lambda: _float("CATALOG_PROBE_SECONDS", 0.3)
    )
    catalog_breaker_seconds: float = field(
        default_factory=lambda: _float("CATALOG_BREAKER_SECONDS", 5.0)
    )

    # Rasa server and action server.
    # The public port: the launcher's proxy (ops/proxy.py) listens here on PUBLIC_HOST and passes
    # on /webhooks/ only (the channels and the widget). Rasa itself listens on RASA_HOST at the
    # ports after it; its HTTP API is reached there, from this machine only by default.
    rasa_port: int = field(default_factory=lambda: _int("RASA_PORT", 5005))
    public_host: str = field(default_factory=lambda: _env("PUBLIC_HOST", "0.0.0.0"))
    # A loopback or wildcard address (the proxy reaches Rasa on 127.0.0.1).
    rasa_host: str = field(default_factory=lambda: _env("RASA_HOST", "127.0.0.1"))
    rasa_api_token: str = field(default_factory=lambda: _env("RASA_API_TOKEN"), metadata=SECRET)
    action_port: int = field(default_factory=lambda: _int("ACTION_PORT", 5055))
    # The action server has no authentication of its own and holds the catalog key: only Rasa,
    # on the same machine, may reach it unless an operator says otherwise.
    action_host: str = field(default_factory=lambda: _env("ACTION_HOST", "127.0.0.1"))
    # Rasa sends it with every action call (endpoints.yml: Authorization: Bearer ...) and the
    # action server refuses calls without it (bot/action_server.py); unset, it refuses them all.
    # rasa_sdk has no check of its own. `make run` generates one.
    action_server_token: str = field(default_factory=lambda: _env("ACTION_SERVER_TOKEN"), metadata=SECRET)
    action_endpoint_url: str = field(default_factory=lambda: _env("ACTION_ENDPOINT_URL", ""))
    # Conversations: SQLite by default, PostgreSQL when TRACKER_DB_URL names one.
    tracker_db_url: str = field(
        default_factory=lambda: _env(
            "TRACKER_DB_URL", f"sqlite:///{ROOT / 'var' / 'conversations.db'}"
        ),
        metadata=SECRET,
    )
    # Conversations, referrals and links between a person's conversations untouched for this many
    # days are deleted by the daily purge (ops/retention.py); SMS opt-outs are kept.
    retention_days: int = field(default_factory=lambda: _positive_int("RETENTION_DAYS", 90))
    # In-memory lock store unless a Redis URL is given (needed when Rasa runs replicated).
    redis_url: str = field(default_factory=lambda: _env("REDIS_URL", ""))
    # Rasa processes (each with its own action server), on the ports after RASA_PORT and from
    # ACTION_PORT on, behind the local proxy on RASA_PORT; see ops/launcher.py.
    rasa_replicas: int = field(default_factory=lambda: _int("RASA_REPLICAS", 1))

    # Who answers a hand-off, said to the person asking for one.
    handoff_team: str = field(
        default_factory=lambda: _env("HANDOFF_TEAM", "a career advisor")
    )
    handoff_response_time: str = field(
        default_factory=lambda: _env("HANDOFF_RESPONSE_TIME", "within 2 business days")
    )
    support_contact: str = field(
        default_factory=lambda: _env("SUPPORT_CONTACT", "careers@example.org")
    )

    # Channels. Signatures are checked against the public URL the vendor posts to.
    # Clients of the REST channel send it as "Authorization: Bearer <token>"; unset, the channel
    # refuses everything. `make run` generates one and prints it.
    rest_channel_token: str = field(
        default_factory=lambda: _env("REST_CHANNEL_TOKEN"), metadata=SECRET
    )
    # Webhook bodies (REST, SMS, Teams, web sessions) larger than this are refused with 413
    # before they are read in full.
    webhook_max_bytes: int = field(default_factory=lambda: _positive_int("WEBHOOK_MAX_BYTES", 64 * 1024))
    # Rate limits, counted in Redis when REDIS_URL is set (shared by replicas), in memory otherwise.
    # New web chats per address: a school lab behind one address starts a class of 40 at once,
    # and a few classes an hour.
    web_sessions_per_ip_per_hour: int = field(
        default_factory=lambda: _positive_int("WEB_SESSIONS_PER_IP_PER_HOUR", 150)
    )
    # New web chats from all addresses together: the cap a flood from many addresses meets.
    web_sessions_per_hour: int = field(
        default_factory=lambda: _positive_int("WEB_SESSIONS_PER_HOUR", 6000)
    )
    # Proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated): the
    # launcher's HAProxy (127.0.0.1, set by the launcher when it runs one), an ingress's network.
    # Empty: the peer's own address counts, and no one can choose the address they are counted as.
    trusted_proxies: tuple[str, ...] = field(default_factory=lambda: _list("TRUSTED_PROXIES", ""))
    # Messages per person (REST sender, web session, SMS number, Teams user), in two windows. A
    # minute's burst: the career quiz is answered one tap or digit at a time, and a person who
    # taps each answer as fast as every 1.5 s (60 questions in 90 s) never meets 40. An hour's
    # budget: a whole 60-question quiz, a quick one and a long chat come to about 200, while a
    # script held at the minute's limit would send 2,400; 400 keeps one sender's sustained rate
    # at a third of what the old 20 a minute allowed (1,200 an hour).
    messages_per_person_per_minute: int = field(
        default_factory=lambda: _positive_int("MESSAGES_PER_PERSON_PER_MINUTE", 40)
    )
    messages_per_person_per_hour: int = field(
        default_factory=lambda: _positive_int("MESSAGES_PER_PERSON_PER_HOUR", 400)
    )
    public_base_url: str = field(
        default_factory=lambda: _env("PUBLIC_BASE_URL", "http://localhost:5005")
    )
    twilio_account_sid: str = field(default_factory=lambda: _env("TWILIO_ACCOUNT_SID"))
    twilio_auth_token: str = field(
        default_factory=lambda: _env("TWILIO_AUTH_TOKEN"), metadata=SECRET
    )
    twilio_from_number: str = field(default_factory=lambda: _env("TWILIO_FROM_NUMBER"))
    # The numbers texts may be addressed to (To); TWILIO_FROM_NUMBER when unset.
    twilio_to_numbers: tuple[str, ...] = field(default_factory=lambda: _list("TWILIO_TO_NUMBERS", ""))
    # A MessageSid seen within this time is answered once (replays, Twilio's own retries).
    sms_message_memory_seconds: int = field(
        default_factory=lambda: _positive_int("SMS_MESSAGE_MEMORY_SECONDS", 7 * 24 * 3600)
    )
    twilio_api_base: str = field(
        default_factory=lambda: _env("TWILIO_API_BASE", "https://api.twilio.com")
    )
    # Key for the keyed hash that stands in for phone numbers in stored conversations.
    sms_sender_key: str = field(default_factory=lambda: _env("SMS_SENDER_KEY"), metadata=SECRET)
    # SMS opt-outs (STOP) are kept here; a SQLite file under VAR_DIR when unset.
    sms_opt_out_db_url: str = field(
        default_factory=lambda: _env("SMS_OPT_OUT_DB_URL"), metadata=SECRET
    )
    # Texts acknowledged and not yet answered (connectors/sms/inbox.py); SMS_OPT_OUT_DB_URL's
    # database when unset, else a SQLite file under VAR_DIR.
    sms_inbox_db_url: str = field(
        default_factory=lambda: _env("SMS_INBOX_DB_URL"), metadata=SECRET
    )
    teams_app_id: str = field(default_factory=lambda: _env("TEAMS_APP_ID"))
    teams_app_password: str = field(
        default_factory=lambda: _env("TEAMS_APP_PASSWORD"), metadata=SECRET
    )
    teams_tenant_id: str = field(default_factory=lambda: _env("TEAMS_TENANT_ID", "botframework.com"))
    teams_openid_url: str = field(
        default_factory=lambda: _env(
            "TEAMS_OPENID_URL",
            "https://login.botframework.com/v1/.well-known/openidconfiguration",
        )
    )
    teams_issuer: str = field(
        default_factory=lambda: _env("TEAMS_ISSUER", "https://api.botframework.com")
    )
    teams_login_base: str = field(
        default_factory=lambda: _env("TEAMS_LOGIN_BASE", "https://login.microsoftonline.com")
    )
    # The tenant whose Teams users are employees (tuition support without asking).
    teams_employer_tenant_id: str = field(
        default_factory=lambda: _env("TEAMS_EMPLOYER_TENANT_ID", "")
    )
    teams_employer: str = field(default_factory=lambda: _env("TEAMS_EMPLOYER", ""))
    # Where Teams activities may name as their serviceUrl (replies, with the bot's token, go
    # there): Microsoft's Teams service hosts (public, GCC, GCC High, DoD), as the Microsoft 365
    # Agents SDK lists them (TeamsServiceEndpoints). HTTPS only, except a loopback address listed.
    teams_service_hosts: tuple[str, ...] = field(
        default_factory=lambda: _list("TEAMS_SERVICE_HOSTS", " ".join(TEAMS_SERVICE_HOSTS))
    )
    # Tenants whose people may write to the bot; any tenant when unset.
    teams_allowed_tenants: tuple[str, ...] = field(
        default_factory=lambda: _list("TEAMS_ALLOWED_TENANTS", "")
    )
    web_session_secret: str = field(
        default_factory=lambda: _env("WEB_SESSION_SECRET"), metadata=SECRET
    )
    web_allowed_origins: tuple[str, ...] = field(
        default_factory=lambda: _list(
            "WEB_ALLOWED_ORIGINS", "http://localhost:5005,http://127.0.0.1:5005"
        )
    )
    # How long a web chat session token stays valid; a reload within it keeps the conversation.
    web_session_ttl_seconds: int = field(
        default_factory=lambda: _int("WEB_SESSION_TTL_SECONDS", 7 * 24 * 3600)
    )

    @property
    def catalog_base_url(self) -> str:
        return self.catalog_url or f"http://127.0.0.1:{self.catalog_port}"

    @property
    def sms_opt_out_url(self) -> str:
        return self.sms_opt_out_db_url or f"sqlite:///{self.var_dir / 'sms-opt-outs.db'}"

    @property
    def sms_inbox_url(self) -> str:
        return (self.sms_inbox_db_url or self.sms_opt_out_db_url
                or f"sqlite:///{self.var_dir / 'sms-inbox.db'}")

    @property
    def teams_employer_key(self) -> str:
        """The catalog organization key of the employer tenant's people."""
        return self.teams_employer or "kaiser_permanente"

    @property
    def catalog_key_for_bot(self) -> str:
        """What the assistant sends the catalog: its own key, else the operator's."""
        return self.catalog_bot_key or self.catalog_api_key

    @property
    def sms_to_numbers(self) -> tuple[str, ...]:
        return self.twilio_to_numbers or ((self.twilio_from_number,) if self.twilio_from_number else ())

    @property
    def action_url(self) -> str:
        return self.action_endpoint_url or f"http://127.0.0.1:{self.action_port}/webhook"

    def describe(self) -> list[tuple[str, str]]:
        """(name, value) pairs for display, with secrets masked."""
        rows = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.metadata.get("secret"):
                value = "(set)" if value else "(unset)"
            elif isinstance(value, tuple):
                value = ",".join(value)
            rows.append((f.name.upper(), masked_url(str(value))))
        return rows


_URL_PASSWORD = re.compile(r"\b([a-z][a-z0-9+.-]*://[^/@:?#\s]*):[^/?#\s]*@", re.IGNORECASE)


def masked_url(text: str) -> str:
    """`postgresql://user:secret@host/db` as `postgresql://user:***@host/db`, wherever a URL with a
    password appears in `text` (an error message may quote one); the rest as is."""
    return _URL_PASSWORD.sub(r"\1:***@", text)


def load() -> Settings:
    """Settings from the current environment (read anew on each call)."""
    return Settings()
