import { authRoute } from "@/lib/auth/route";

export const { GET, POST } = authRoute;
