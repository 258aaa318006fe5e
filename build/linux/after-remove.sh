#!/bin/sh
# After the .deb's files are removed (or replaced by an upgrade, whose after-install puts the link
# and the profile back): the command and the AppArmor profile go too, the profile unloaded first
# so the kernel does not keep it until the next boot. electron-builder fills in the ${…} names.
PROFILE='/etc/apparmor.d/${executable}'

rm -f '/usr/bin/${executable}'

if [ -f "$PROFILE" ]; then
  if command -v apparmor_parser >/dev/null 2>&1 && ! { command -v ischroot >/dev/null 2>&1 && ischroot; }; then
    apparmor_parser --remove "$PROFILE" >/dev/null 2>&1 || true
  fi
  rm -f "$PROFILE"
fi
exit 0
