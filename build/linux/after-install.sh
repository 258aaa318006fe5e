#!/bin/sh
# After the .deb has put the app in /opt/${sanitizedProductName} (electron-builder fills in the
# ${…} names; shell variables are written without braces so they are left alone): a command on
# the PATH, and the AppArmor profile that lets Chromium's sandbox run where Ubuntu 24.04 and later
# restrict user namespaces, rather than the app ever running with its sandbox switched off.
APP_DIR='/opt/${sanitizedProductName}'
PROFILE_SOURCE="$APP_DIR/resources/apparmor-profile"
PROFILE='/etc/apparmor.d/${executable}'

ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'

# The setuid helper is Chromium's fallback only where the kernel has no user namespaces at all.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$APP_DIR/chrome-sandbox"
else
  chmod 4755 "$APP_DIR/chrome-sandbox"
fi

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi

# Installed where this AppArmor can parse it (4.0 and later), then loaded at once so the app starts
# without a reboot; in a chroot (an image being prepared) the next boot loads it.
if [ -d /etc/apparmor.d ] && command -v apparmor_parser >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --skip-cache "$PROFILE_SOURCE" >/dev/null 2>&1; then
    cp -f "$PROFILE_SOURCE" "$PROFILE"
    if ! { command -v ischroot >/dev/null 2>&1 && ischroot; }; then
      apparmor_parser --replace --skip-cache "$PROFILE" || echo "Could not load $PROFILE now; it is loaded at the next boot." >&2
    fi
  else
    echo "This AppArmor cannot read $PROFILE_SOURCE (it needs AppArmor 4); not installed." >&2
  fi
fi
exit 0
