"""Reference reader for the parser differential test: what the AWS CLI makes of each file.

Reads file paths, one per line, on stdin. For each prints one JSON line:
  {"ok": true, "profiles": ..., "sso_sessions": ..., "services": ..., "other": ...}
  {"ok": false, "error": "..."}
using botocore's own raw_config_parse(path) + build_profile_map. Run it with PYTHONUTF8=1
so botocore reads the files as UTF-8 whatever the machine's locale.

botocore releases before 1.31 (Debian's python3-botocore 1.29) have no [services NAME]
sections; for those the newer rule is applied here, to the letter of current botocore:
a raw section name starting with "services" is shlex-split and kept as services[NAME]
when it has exactly two parts, and dropped otherwise.
"""
import json
import shlex
import sys

from botocore.configloader import build_profile_map, raw_config_parse


def read(path):
    try:
        built = build_profile_map(raw_config_parse(path))
    except Exception as e:  # botocore raises ConfigParseError; anything else is a rejection too
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    profiles = built.pop("profiles")
    sso_sessions = built.pop("sso_sessions", {})
    if "services" in built and isinstance(built.get("services"), dict) and _has_services_support():
        services = built.pop("services")
    else:
        services = {}
        for key in list(built):
            if key.startswith("services"):
                values = built.pop(key)
                try:
                    parts = shlex.split(key)
                except ValueError:
                    continue
                if len(parts) == 2:
                    services[parts[1]] = values
    return {"ok": True, "profiles": profiles, "sso_sessions": sso_sessions, "services": services, "other": built}


_SUPPORT = None


def _has_services_support():
    global _SUPPORT
    if _SUPPORT is None:
        _SUPPORT = "services" in build_profile_map({})
    return _SUPPORT


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--version":
        import botocore

        print(botocore.__version__)
        return
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        out.write(json.dumps(read(path)))
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
