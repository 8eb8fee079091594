-- AlterTable
ALTER TABLE "User" ADD COLUMN     "followKey" TEXT;
