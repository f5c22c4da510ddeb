"""Second factor on django-otp: TOTP app + backup codes, a setup and a verify view, a gate."""
