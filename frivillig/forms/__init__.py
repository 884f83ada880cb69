"""The centre's forms: logging in and accepting an invitation."""
