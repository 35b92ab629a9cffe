"""The supervisor with real child processes: a killed one is started again and answers, one asked
to stop stays stopped, and a crash loop ends in a clear message instead of restarting forever.
The whole stack under the launcher is in test_lifecycle.py."""

from __future__ import annotations

import signal
import sys
import time

from ops.processes import Service, answers, free_port
from ops.supervisor import Supervisor, read_status, status_lines


def web_server(tmp_path, name: str = "web") -> Service:
    port = free_port()
    return Service(name, [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                   f"http://127.0.0.1:{port}/", cwd=tmp_path, log_path=tmp_path / f"{name}.log")


def tick_until(supervisor: Supervisor, condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        given_up = supervisor.tick()
        if given_up or condition():
            return given_up
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout} s: {read_status(supervisor.status_path.parent)}")


def test_a_killed_process_is_started_again_and_answers(tmp_path):
    server = web_server(tmp_path).start()
    server.wait_ready(time.monotonic() + 30)
    lines = []
    supervisor = Supervisor([server], tmp_path / "status.json", say=lines.append, first_delay=0.2)
    first_pid = server.pid
    server.send(signal.SIGKILL)
    try:
        tick_until(supervisor, lambda: supervisor.watches["web"].state == "running" and server.pid != first_pid)
        assert answers(server.ready_url)
        [process] = read_status(tmp_path)["processes"].values()
        assert process["restarts"] == 1 and process["state"] == "running" and process["pid"] == server.pid
        assert process["last_exit"].startswith("web was killed by signal 9")
        assert any("restarting it in" in line for line in lines)
        assert "restarts: 1" in "\n".join(status_lines(read_status(tmp_path)))
    finally:
        server.stop()


def test_a_process_stopped_on_purpose_stays_stopped(tmp_path):
    server = web_server(tmp_path).start()
    server.wait_ready(time.monotonic() + 30)
    supervisor = Supervisor([server], tmp_path / "status.json", say=lambda _: None, first_delay=0.1)
    server.stop()
    for _ in range(10):
        assert supervisor.tick() is None
        time.sleep(0.1)
    assert not server.running and supervisor.watches["web"].restarts == 0


def test_a_crash_loop_gives_up_with_a_clear_message(tmp_path):
    crashing = Service("flaky", [sys.executable, "-c", "print('no config'); raise SystemExit(3)"],
                       "http://127.0.0.1:9/", log_path=tmp_path / "flaky.log").start()
    lines = []
    supervisor = Supervisor([crashing], tmp_path / "status.json", say=lines.append,
                            max_restarts=3, window=60, first_delay=0.1)
    started = time.monotonic()
    given_up = tick_until(supervisor, lambda: False)
    assert given_up.startswith("flaky crashed 4 times within 60 s (last: flaky exited with code 3")
    assert "no config" in given_up  # the log's tail says why
    assert supervisor.watches["flaky"].restarts == 3
    # The pauses doubled: 0.1 + 0.2 + 0.4 s at least.
    assert time.monotonic() - started >= 0.7
    assert [line.split(";")[1].strip() for line in lines if "restarting" in line] == [
        "restarting it in 0.1 s.", "restarting it in 0.2 s.", "restarting it in 0.4 s."]
    assert read_status(tmp_path)["processes"]["flaky"]["state"] == "given up"


def test_a_large_log_is_rotated_while_the_writer_keeps_appending(tmp_path):
    from ops.processes import rotate_log

    log = tmp_path / "rasa.log"
    with open(log, "ab") as writer:  # as a child holds its log
        writer.write(b"a" * 2000)
        writer.flush()
        assert rotate_log(log, max_bytes=1000, generations=2)
        writer.write(b"after")
        writer.flush()
    assert log.read_bytes() == b"after"
    assert (tmp_path / "rasa.log.1").read_bytes() == b"a" * 2000
    assert oct((tmp_path / "rasa.log.1").stat().st_mode & 0o777) == "0o600"
    log.write_bytes(b"b" * 2000)
    assert rotate_log(log, max_bytes=1000, generations=2)
    log.write_bytes(b"c" * 2000)
    assert rotate_log(log, max_bytes=1000, generations=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rasa.log", "rasa.log.1", "rasa.log.2"]
    assert (tmp_path / "rasa.log.2").read_bytes() == b"b" * 2000  # the oldest ("a") is gone
    assert not rotate_log(log, max_bytes=1000)  # small: left alone
